@testable import BeredskapDaemon
import BeredskapCore
import BeredskapJSON
import Foundation
import Testing

/// Decoding of `notifications.channels` entries (suite named for the `ChannelTests` filter).
@Suite struct ConfigurationChannelTests {
    private func decode(_ text: String) throws(JSONFieldError) -> ChannelConfiguration {
        try JSONValueDecoder().decode(ChannelConfiguration.self, from: Array(text.utf8), options: .json5)
    }

    private func problem(_ text: String) -> String? {
        do {
            _ = try decode(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func decodesEachKindWithDefaults() throws {
        let webhook = try decode(#"{kind: "webhook", url: "https://varsel.example.org/hook", headers: {Authorization: "Bearer x"}}"#)
        #expect(webhook.settings == .webhook(.init(
            url: try #require(URL(string: "https://varsel.example.org/hook")), headers: ["Authorization": "Bearer x"],
            timeout: .seconds(10))))
        let exec = try decode(#"{kind: "exec", program: "/usr/local/bin/notify", arguments: ["--json"], max_concurrent: 2, timeout: "PT30S"}"#)
        #expect(exec.settings == .exec(.init(path: "/usr/local/bin/notify", arguments: ["--json"], timeout: .seconds(30), maxConcurrent: 2)))
        let mail = try decode(#"{kind: "sendmail", from: "beredskap@oslo.kommune.no", to: ["vakt@oslo.kommune.no"]}"#)
        #expect(mail.settings == .sendmail(.init(from: "beredskap@oslo.kommune.no", to: ["vakt@oslo.kommune.no"])))
        if case .sendmail(let settings) = mail.settings {
            #expect(settings.program == .init(path: "/usr/sbin/sendmail", arguments: ["-t", "-oi"], timeout: .seconds(10), maxConcurrent: 4))
        }
        #expect(try decode(#"{kind: "file", path: "varsler.jsonl"}"#).kind == .file)
    }

    @Test func errorsNameTheField() {
        #expect(problem(#"{kind: "webhook", url: "ftp://example.org/"}"#) == "url: expected an http or https URL")
        #expect(problem(#"{kind: "webhook", url: "https://x.example/", headers: {"Idempotency-Key": "k"}}"#)
            == "headers: Idempotency-Key: is set by the channel")
        #expect(problem(#"{kind: "webhook", url: "https://x.example/", headers: {"X-A": "a\r\nB: c"}}"#)
            == "headers: X-A: the value must not contain control characters")
        #expect(problem(#"{kind: "exec", program: "notify.sh"}"#) == "program: must be an absolute path")
        #expect(problem(#"{kind: "exec", program: "/bin/true", max_concurrent: 0}"#)
            == "max_concurrent: expected an integer between 1 and 64")
        #expect(problem(#"{kind: "exec", program: "/bin/true", timeout: "P1M"}"#)?.hasPrefix("timeout: expected a fixed ISO 8601 duration") == true)
        #expect(problem(#"{kind: "sendmail", from: "beredskap@oslo.kommune.no", to: []}"#)?.hasPrefix("to: expected at least one address") == true)
        #expect(problem(#"{kind: "sendmail", from: "beredskap\r\nBcc: x@y", to: ["a@b"]}"#)?.hasPrefix("from: expected an e-mail address") == true)
        #expect(problem(#"{kind: "file", path: ""}"#) == "path: must not be empty")
        #expect(problem(#"{kind: "pager"}"#) == "kind: expected one of: webhook, exec, sendmail, file")
        #expect(problem(#"{kind: "exec", program: "/bin/true", url: "https://x.example/"}"#)?.hasPrefix("url: unknown field") == true)
        #expect(problem(#"{kind: "webhook"}"#) == "url: is required")
    }
}
