print("beredskap")
