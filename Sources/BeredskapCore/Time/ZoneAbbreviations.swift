/// The abbreviations a time zone uses ("CET", "CEST"), read from its TZif file (RFC 8536).
///
/// Why: a time for people must say which zone it is in, or a step due "08:20" reads an hour
/// apart in a table and in a message. Foundation on Linux names zones only by offset ("GMT+1"),
/// which Oslo's readers do not use, while the system's tz database (`/usr/share/zoneinfo`)
/// has the names they know. Parsing is pure (bytes in, names out) so it is tested without files.
public struct ZoneAbbreviations: Sendable, Equatable {
    /// What a name depends on: the offset from UTC and whether it is daylight-saving time.
    struct Kind: Sendable, Hashable {
        var offsetSeconds: Int
        var isDaylight: Bool
    }

    private var names: [Kind: String]

    /// The abbreviation in use at an offset, preferring the one the zone used most recently
    /// (Moscow has been both MSK and MSD at +4); nil when the zone never had that offset.
    public func name(offsetSeconds: Int, isDaylight: Bool) -> String? {
        names[Kind(offsetSeconds: offsetSeconds, isDaylight: isDaylight)]
            ?? names.first { $0.key.offsetSeconds == offsetSeconds }?.value
    }

    /// Parses a TZif file of any version; nil when the bytes are not one.
    public init?(tzif bytes: [UInt8]) {
        var reader = TZifReader(bytes: bytes)
        guard let first = reader.header(), let block = reader.dataBlock(first, timeSize: 4) else { return nil }
        var chosen = block
        // Version 2 and later repeat the data with 64-bit times after the first block; slim
        // files leave the first block empty, so the second is the one to read.
        if first.version >= 2, let second = reader.header(), let wide = reader.dataBlock(second, timeSize: 8) {
            chosen = wide
        }
        var names: [Kind: String] = [:]
        // Most recent transition first, then every type, so current names win over old ones.
        let order = chosen.transitionTypes.reversed() + Array(chosen.types.indices)
        for index in order where chosen.types.indices.contains(index) {
            let type = chosen.types[index]
            let kind = Kind(offsetSeconds: type.offsetSeconds, isDaylight: type.isDaylight)
            if names[kind] == nil, let name = chosen.designation(at: type.designationIndex) {
                names[kind] = name
            }
        }
        guard !names.isEmpty else { return nil }
        self.names = names
    }
}

/// A cursor over TZif bytes: headers and data blocks, bounds-checked at every read.
private struct TZifReader {
    struct Header {
        var version: Int
        var isUTCCount, isStandardCount, leapCount, transitionCount, typeCount, characterCount: Int
    }

    struct LocalTimeType {
        var offsetSeconds: Int
        var isDaylight: Bool
        var designationIndex: Int
    }

    struct DataBlock {
        var transitionTypes: [Int]
        var types: [LocalTimeType]
        var designations: [UInt8]

        func designation(at index: Int) -> String? {
            guard index >= 0, index < designations.count else { return nil }
            let end = designations[index...].firstIndex(of: 0) ?? designations.count
            let name = String(decoding: designations[index..<end], as: UTF8.self)
            return name.isEmpty ? nil : name
        }
    }

    let bytes: [UInt8]
    var offset = 0

    /// "TZif", the version, 15 reserved bytes, then six 32-bit counts.
    mutating func header() -> Header? {
        guard let magic = take(4), magic == Array("TZif".utf8), let version = take(1), take(15) != nil else { return nil }
        var counts: [Int] = []
        for _ in 0..<6 {
            guard let count = bigEndian(4), count >= 0 else { return nil }
            counts.append(count)
        }
        let versionNumber = version[0] == 0 ? 1 : Int(version[0]) - Int(UInt8(ascii: "0"))
        return Header(
            version: versionNumber, isUTCCount: counts[0], isStandardCount: counts[1], leapCount: counts[2],
            transitionCount: counts[3], typeCount: counts[4], characterCount: counts[5])
    }

    mutating func dataBlock(_ header: Header, timeSize: Int) -> DataBlock? {
        guard take(header.transitionCount * timeSize) != nil, let indices = take(header.transitionCount) else { return nil }
        var types: [LocalTimeType] = []
        for _ in 0..<header.typeCount {
            guard let offset = bigEndian(4), let flags = take(2) else { return nil }
            let signed = offset >= 1 << 31 ? offset - (1 << 32) : offset
            types.append(LocalTimeType(offsetSeconds: signed, isDaylight: flags[0] != 0, designationIndex: Int(flags[1])))
        }
        guard let designations = take(header.characterCount),
            take(header.leapCount * (timeSize + 4) + header.isStandardCount + header.isUTCCount) != nil
        else { return nil }
        return DataBlock(transitionTypes: indices.map(Int.init), types: types, designations: designations)
    }

    private mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, offset + count <= bytes.count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    private mutating func bigEndian(_ size: Int) -> Int? {
        take(size)?.reduce(0) { $0 << 8 | Int($1) }
    }
}
