// `JSONValue` and `JSONObject` are Codable so that a field typed `JSONValue` (event data,
// free-form details) passes through a Codable type unchanged. With our encoder and decoder
// they are taken and stored as they are; with any other coder they are rebuilt from the
// containers.

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        if let ours = decoder as? DecoderImpl {
            self = ours.takeValue()
            return
        }
        if let keyed = try? decoder.container(keyedBy: JSONPathKey.self) {
            var object = JSONObject()
            for key in keyed.allKeys {
                object[key.stringValue] = try keyed.decode(JSONValue.self, forKey: key)
            }
            self = .object(object)
        } else if var unkeyed = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            while !unkeyed.isAtEnd {
                elements.append(try unkeyed.decode(JSONValue.self))
            }
            self = .array(elements)
        } else {
            self = try Self.decodeScalar(from: decoder.singleValueContainer())
        }
    }

    private static func decodeScalar(from container: any SingleValueDecodingContainer) throws -> JSONValue {
        if container.decodeNil() {
            return .null
        }
        if let flag = try? container.decode(Bool.self) {
            return .bool(flag)
        }
        if let integer = try? container.decode(Int64.self) {
            return .integer(integer)
        }
        if let double = try? container.decode(Double.self) {
            return .double(double)
        }
        if let string = try? container.decode(String.self) {
            return .string(string)
        }
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a JSON value")
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .integer(let integer):
            var container = encoder.singleValueContainer()
            try container.encode(integer)
        case .double(let double):
            var container = encoder.singleValueContainer()
            try container.encode(double)
        case .string(let string):
            var container = encoder.singleValueContainer()
            try container.encode(string)
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements {
                try container.encode(element)
            }
        case .object(let object):
            var container = encoder.container(keyedBy: JSONPathKey.self)
            for (key, value) in object {
                try container.encode(value, forKey: JSONPathKey(stringValue: key))
            }
        }
    }
}

extension JSONObject: Codable {
    public init(from decoder: any Decoder) throws {
        if let ours = decoder as? DecoderImpl {
            guard case .object(let object) = ours.takeValue() else {
                throw ours.mismatch("expected an object")
            }
            self = object
            return
        }
        guard case .object(let object) = try JSONValue(from: decoder) else {
            throw DecodingError.typeMismatch(
                JSONObject.self, DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "expected an object"))
        }
        self = object
    }

    public func encode(to encoder: any Encoder) throws {
        try JSONValue.object(self).encode(to: encoder)
    }
}
