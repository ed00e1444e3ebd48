@testable import BeredskapDaemon
import BeredskapCore
import Foundation
import Testing

@Suite struct SendmailChannelTests {
    /// 2026-05-05T08:30:00Z, a Tuesday.
    private let date = Date(timeIntervalSince1970: 1_777_969_800)

    private func message(subject: String = "Kritisk: Refstad 96 % full", text: String = "Linje 1\n.\nLinje 3\n") -> String {
        String(decoding: RFC5322.message(
            from: "Beredskap <beredskap@oslo.kommune.no>", to: ["vakt@oslo.kommune.no", "bydel.ullern@oslo.kommune.no"],
            subject: subject, text: text, idempotencyKey: "alert-7:firing/ops", date: date), as: UTF8.self)
    }

    @Test func headersAndBody() {
        let text = message()
        #expect(text == [
            "From: Beredskap <beredskap@oslo.kommune.no>",
            "To: vakt@oslo.kommune.no, bydel.ullern@oslo.kommune.no",
            "Subject: Kritisk: Refstad 96 % full",
            "Date: Tue, 05 May 2026 08:30:00 +0000",
            "Message-ID: <alert-7%3Afiring%2Fops@oslo.kommune.no>",
            "X-Beredskap-Idempotency-Key: alert-7:firing/ops",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: 8bit",
            "",
            "Linje 1",
            // A lone dot stays: sendmail runs with -oi, which does not end the message there.
            ".",
            "Linje 3",
            "",
        ].joined(separator: "\r\n"))
    }

    @Test func everyLineEndsInCRLF() {
        let bytes = Array(message(text: "a\nb\r\nc").utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            #expect(index > 0 && bytes[index - 1] == UInt8(ascii: "\r"))
        }
        #expect(bytes.suffix(2) == [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
    }

    @Test func norwegianSubjectIsEncodedInWholeCharacters() throws {
        let subject = "Høy belastning på Refstad og Tøyen – ærlig talt, nå må vi åpne flere plasser i Østensjø"
        let header = RFC5322.encodedHeaderText(subject)
        let words = header.components(separatedBy: "\r\n ")
        #expect(words.count > 1, "long subjects fold")
        var decoded = ""
        for word in words {
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let payload = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            // Each word decodes on its own: no character split across two.
            decoded += try #require(String(data: payload, encoding: .utf8))
        }
        #expect(decoded == subject)
        #expect(RFC5322.encodedHeaderText("æøå") == "=?UTF-8?B?w6bDuMOl?=")
    }

    @Test func noLineBreakReachesAHeader() {
        let text = message(subject: "Alarm\r\nBcc: everyone@example.org")
        #expect(text.contains("Subject: Alarm  Bcc: everyone@example.org\r\n"))
        #expect(!text.contains("\r\nBcc:"))
    }

    @Test func pipesTheMessageToTheProgram() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let program = ChannelConfiguration.Program(path: "/bin/sh", arguments: ["-c", #"cat > "$0""#, directory.file("mail")])
        let configuration = ChannelConfiguration(.sendmail(.init(program: program, from: "beredskap@oslo.kommune.no",
                                                                 to: ["vakt@oslo.kommune.no"])))
        let channel = ChannelFactory.make(name: "epost", configuration, stateDirectory: "/")
        #expect(deliverAndWait(channel, sampleDelivery(key: "k-1")) == .delivered)
        let mail = String(decoding: FileManager.default.contents(atPath: directory.file("mail")) ?? Data(), as: UTF8.self)
        #expect(mail.hasPrefix("From: beredskap@oslo.kommune.no\r\nTo: vakt@oslo.kommune.no\r\n"))
        #expect(mail.contains("\r\nX-Beredskap-Idempotency-Key: k-1\r\n"))
        #expect(mail.hasSuffix("\r\n\r\nRefstad mottakssenter er 96 % fullt.\r\n.\r\nSjekk kapasiteten.\r\n"))
    }
}
