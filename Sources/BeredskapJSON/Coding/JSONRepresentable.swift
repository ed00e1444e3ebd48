/// A value that builds its JSON directly, without the `Encodable` machinery.
///
/// Why: the writer thread encodes each command's reply inside the transaction (it is stored
/// for idempotent replays), and a profile of the arrivals benchmark showed the generic
/// `Encoder` path — boxed containers, key conversion, an intermediate tree — as the largest
/// single cost on that thread. The few replies on hot paths build their JSON by hand; a
/// test checks each against its `Encodable` form so the two cannot drift apart.
public protocol JSONRepresentable {
    var jsonValue: JSONValue { get }
}
