/// What one top-level encode shares across its nested encoders.
final class EncodingState {
    /// The first misuse of the `Encoder` protocol (two kinds of container at one path),
    /// thrown when the top-level encode finishes, since container accessors cannot throw.
    var conflict: EncodingError?
    private var keyNames: KeyNameConverter

    init(keyStrategy: JSONKeyStrategy) {
        self.keyNames = KeyNameConverter(strategy: keyStrategy)
    }

    func jsonName(for swiftKey: String) -> String {
        keyNames.jsonName(for: swiftKey)
    }
}
