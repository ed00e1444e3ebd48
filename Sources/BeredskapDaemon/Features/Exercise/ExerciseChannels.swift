import Foundation

/// Which channels an exercise's notifications reach, and where a file channel writes them.
///
/// Why only channels marked `exercise: true`: a drill must never page anyone through a channel
/// set up for real alerts. The copy's world still writes every notification row its routing
/// asks for (the record of who would have been told, and when — what the grading and the
/// after-action report read); its notifier delivers only the rows for these channels.
extension DaemonConfiguration.Notifications {
    /// The channels marked for exercises, by name.
    var exerciseChannels: Set<String> { Set(channels.filter(\.value.exercise).keys) }

    /// These settings with each relative `file` path made absolute in `stateDirectory`: the
    /// copy's world runs in a temporary directory that goes with the run, and its lines belong
    /// beside the live state's. Absolute even when the state directory is relative (the default
    /// `.beredskap`), since the copy's notifier resolves a relative path in its own directory.
    func anchoringFiles(in stateDirectory: String, workingDirectory: String = FileManager.default.currentDirectoryPath) -> Self {
        let directory = stateDirectory.hasPrefix("/")
            ? stateDirectory : (workingDirectory as NSString).appendingPathComponent(stateDirectory)
        var anchored = self
        for (name, channel) in channels {
            guard case .file(let path) = channel.settings, !path.hasPrefix("/") else { continue }
            anchored.channels[name]?.settings = .file(path: (directory as NSString).appendingPathComponent(path))
        }
        return anchored
    }
}
