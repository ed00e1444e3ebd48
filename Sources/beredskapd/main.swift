print("beredskapd")
