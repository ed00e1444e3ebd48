/// How forgiving the parser is.
///
/// Why two dialects: the API accepts exactly RFC 8259 so that every client library
/// interoperates, while configuration and playbooks are written by people and benefit from
/// JSON5's comments and trailing commas.
public struct JSONParseOptions: Sendable {
    /// Accept JSON5 (https://spec.json5.org) instead of strict RFC 8259.
    public var json5: Bool = false

    /// Deepest nesting of arrays and objects accepted; `[]` is depth 1.
    ///
    /// Why a limit: the parser, the serializer, the Codable bridge and even deallocation of
    /// a `JSONValue` recurse once per level, so an unbounded `[[[[…` from a client could
    /// exhaust the stack. Keep this modest (the default suits every document we own).
    public var maxDepth: Int = 64

    public init(json5: Bool = false, maxDepth: Int = 64) {
        self.json5 = json5
        self.maxDepth = maxDepth
    }

    /// RFC 8259, depth 64: for request bodies.
    public static let strict = JSONParseOptions()

    /// JSON5, depth 64: for configuration and playbook files.
    public static let json5 = JSONParseOptions(json5: true)
}
