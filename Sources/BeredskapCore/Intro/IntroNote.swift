/// A note a caseworker wrote with a step of a programme (person data: exported, erased).
public struct IntroNote: Sendable, Equatable {
    public var action: IntroAction
    public var note: String
    /// The step's `intro.*` event.
    public var seq: Int64

    public init(action: IntroAction, note: String, seq: Int64) {
        self.action = action
        self.note = note
        self.seq = seq
    }
}
