/// A value under construction.
///
/// Why reference boxes: the `Encoder` protocol lets a type obtain a container, hand out
/// nested containers and fill them in any order, so nested objects and arrays must stay
/// mutable until the top-level encode returns; `resolved()` then freezes the tree into a
/// `JSONValue`.
enum EncodedNode {
    case value(JSONValue)
    case object(ObjectBox)
    case array(ArrayBox)
    /// A super-encoder's output, known only after the caller has finished with it.
    case pending(NodeSlot)

    func resolved() -> JSONValue {
        switch self {
        case .value(let value):
            value
        case .object(let box):
            .object(JSONObject(members: box.members.mapValues { $0.resolved() }))
        case .array(let box):
            .array(box.elements.map { $0.resolved() })
        case .pending(let slot):
            slot.node?.resolved() ?? .object(JSONObject())
        }
    }
}

final class ObjectBox {
    var members = OrderedMembers<EncodedNode>()
}

final class ArrayBox {
    var elements: [EncodedNode] = []
}

/// Where a super-encoder publishes its output. Why not refer to the encoder itself: the
/// encoder holds its parent, whose box would then hold the encoder, a reference cycle.
final class NodeSlot {
    var node: EncodedNode?
}
