import BeredskapJSON
import Foundation

/// A configuration problem, always naming the file and the field (or line) and what was expected:
/// `Config/beredskap.json5: access.roles.operator.groups[1]: expected a string`.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// The field path, or "line L, column C" for a syntax error, or "" when the file is unreadable.
    public var location: String
    public var problem: String

    public var description: String {
        location.isEmpty ? "\(file): \(problem)" : "\(file): \(location): \(problem)"
    }
}

/// Reads the embedded default or an operator's file.
///
/// Why our own JSON5 parser and not `JSONDecoder.allowsJSON5`: Foundation's JSON5 errors
/// carry no line or column, and its decoder ignores unknown keys. Our parser accepts the
/// same JSON5 (a test cross-checks both on the shipped file) and reports positions.
public enum ConfigurationLoader {
    /// How the embedded default is named in messages.
    public static let embeddedName = "Config/beredskap.json5 (embedded)"

    /// The text compiled into the binary.
    public static var embeddedText: String { String(decoding: PackageResources.beredskap_json5, as: UTF8.self) }

    /// `file`, or the embedded default when nil.
    public static func load(file path: String?) throws(ConfigurationError) -> DaemonConfiguration {
        guard let path else { return try loadEmbedded() }
        return try load(file: path)
    }

    public static func loadEmbedded() throws(ConfigurationError) -> DaemonConfiguration {
        try parse(PackageResources.beredskap_json5, file: embeddedName)
    }

    public static func load(file path: String) throws(ConfigurationError) -> DaemonConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let problem = !exists ? "no such file" : isDirectory.boolValue ? "is a directory" : "cannot be read (permissions?)"
            throw ConfigurationError(file: path, location: "", problem: problem)
        }
        return try parse(Array(data), file: path)
    }

    public static func parse(_ bytes: [UInt8], file: String) throws(ConfigurationError) -> DaemonConfiguration {
        do {
            return try JSONValueDecoder().decode(DaemonConfiguration.self, from: bytes, options: .json5)
        } catch {
            if let syntax = error.syntax {
                throw ConfigurationError(file: file, location: "line \(syntax.line), column \(syntax.column)", problem: syntax.message)
            }
            throw ConfigurationError(
                file: file, location: error.field.isEmpty ? "(top level)" : error.field, problem: error.problem)
        }
    }
}
