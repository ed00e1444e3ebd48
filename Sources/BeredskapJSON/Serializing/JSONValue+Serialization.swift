extension JSONValue {
    /// The UTF-8 JSON text for this value.
    ///
    /// Compact output has no whitespace. Pretty output indents by two spaces, writes
    /// `"key": value`, puts each member and element on its own line and keeps empty `{}` and
    /// `[]` on one line; it has no trailing newline. Object keys come out in object order,
    /// so the same value always gives the same bytes.
    ///
    /// Non-finite doubles (`NaN`, `±Infinity`, which only JSON5 input can produce) are
    /// written as `null`: JSON has no spelling for them, and emitting `NaN` would make the
    /// output unreadable to strict parsers, including our own. (`JSONValueEncoder` refuses
    /// them instead, so a typed value never degrades silently.)
    public func serialized(pretty: Bool = false) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty)
        writer.write(self)
        return writer.bytes
    }

    /// `serialized(pretty:)` as a `String`.
    public func serializedString(pretty: Bool = false) -> String {
        String(decoding: serialized(pretty: pretty), as: UTF8.self)
    }
}
