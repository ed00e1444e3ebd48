/// One thing wrong with an input, named by its field path (`capacity`, `rows[3].count`).
///
/// Why in the core: validation rules belong to the domain and are tested without I/O; the
/// daemon turns the first problem into an `invalid_field` error and a bulk import reports all.
public struct FieldProblem: Sendable, Equatable, Error, CustomStringConvertible {
    public var field: String
    public var problem: Text

    public init(_ field: String, _ problem: Text) {
        self.field = field
        self.problem = problem
    }

    /// The same problem under a parent path: `count` in `rows[3]` → `rows[3].count`.
    public func nested(in parent: String) -> FieldProblem {
        FieldProblem(parent.isEmpty ? field : "\(parent).\(field)", problem)
    }

    public var description: String { "\(field): \(problem.en)" }
}
