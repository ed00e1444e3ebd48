import BeredskapJSON

extension ExerciseScenarios {
    /// The title of scenario `id` in `directory`, read without validating the rest: what an
    /// after-action report shows as its heading (a stored report keeps only the id). nil when
    /// the file is gone or cannot be read as a scenario.
    public static func title(of id: String, directory: String) -> PlaybookText? {
        guard Slug.isValid(id), case .success(let text) = PlaybookSet.readText(id + PlaybookSet.fileExtension, in: directory),
            let value = try? JSONParser.parse(text, options: .json5)
        else { return nil }
        return try? JSONValueDecoder(unknownKeys: .ignore).decode(Heading.self, from: value).title
    }

    /// Only the title of a scenario file; its other members are not read.
    private struct Heading: Decodable {
        var title: PlaybookText
    }
}
