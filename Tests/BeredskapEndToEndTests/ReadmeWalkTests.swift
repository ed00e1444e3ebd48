import Foundation
import Testing

/// The README's CLI examples, run in order against a fresh daemon as a newcomer would: every
/// command shown works as written, with the ids a fresh state directory gives.
@Suite struct ReadmeWalkTests {
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The sections whose examples a newcomer types, in the README's order.
    static let sections = [
        "Try it", "Using the CLI", "Capacity, arrivals and surge", "Alerts and notifications", "Playbooks (action cards)",
        "Settlement: districts, years and allocation", "Settlement progress", "Settlement cases and housing",
        "People and privacy", "Unaccompanied minors", "Grants", "Introduction programme", "Exercises", "Situation reports",
    ]

    /// The example lines of those sections: `beredskap …` (also as `swift run beredskap …`)
    /// and the `printf` that writes an example file; continuations joined, comments cut.
    /// Commands that never end (`--follow`, `watch`, `top`) are left out.
    static func examples(_ readme: String) -> [String] {
        var lines: [String] = []
        var section = "", inBlock = false, pending = ""
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("## ") { section = String(line.dropFirst(3)) }
            if line.hasPrefix("```") {
                inBlock = !inBlock && line == "```sh"
                continue
            }
            guard inBlock, sections.contains(section) else { continue }
            let code = withoutComment(line)
            if code.hasSuffix("\\") {
                pending += code.dropLast() + " "
                continue
            }
            var command = (pending + code).trimmingCharacters(in: .whitespaces)
            pending = ""
            if command.hasPrefix("swift run beredskap ") { command = String(command.dropFirst("swift run ".count)) }
            guard command.hasPrefix("beredskap ") || command.hasPrefix("printf ") else { continue }
            guard !command.contains("--follow"), !command.hasPrefix("beredskap watch"), !command.hasPrefix("beredskap top") else {
                continue
            }
            lines.append(command)
        }
        return lines
    }

    /// The line up to a ` #` comment outside quotes.
    static func withoutComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (offset, character) in line.enumerated() {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", previous == " " {
                return String(line.prefix(offset)).trimmingCharacters(in: .whitespaces)
            }
            previous = character
        }
        return line.trimmingCharacters(in: .whitespaces)
    }

    @Test func everyExampleWorksAsWrittenFromAFreshStateDirectory() throws {
        let readme = try String(contentsOf: Self.checkout.appendingPathComponent("README.md"), encoding: .utf8)
        let examples = Self.examples(readme)
        #expect(examples.count > 30, "\(examples)")
        #expect(examples.contains("beredskap alert show 1") && examples.contains("beredskap run show 1"))

        let directory = DaemonProcess.makeDirectory()
        for folder in ["Playbooks", "Config"] {
            try FileManager.default.copyItem(
                atPath: Self.checkout.appendingPathComponent(folder).path, toPath: directory + "/" + folder)
        }
        let daemon = try DaemonProcess(directory: directory)
        for example in examples {
            let child = try ChildProcess(
                "/bin/sh", ["-c", example], directory: daemon.directory,
                environment: ["PATH": Binaries.directory + ":/usr/bin:/bin", "LANG": "C.UTF-8"])
            let code = child.waitForExit(timeout: 60)
            #expect(code == 0, "\(example)\n\(child.standardError)")
        }
    }
}
