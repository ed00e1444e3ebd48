import Foundation

/// The built executables, found next to the test bundle (SwiftPM puts them in one directory).
enum Binaries {
    static let directory: String = {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
        // Inside an .xctest bundle directory on some layouts: walk up to where beredskapd is.
        for _ in 0..<4 {
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("beredskapd").path) { return url.path }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: executable).deletingLastPathComponent().path
    }()

    static var daemon: String { directory + "/beredskapd" }
    static var cli: String { directory + "/beredskap" }
}
