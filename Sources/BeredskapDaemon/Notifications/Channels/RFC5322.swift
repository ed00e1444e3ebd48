import Foundation
import Glibc

/// The e-mail a `sendmail` channel pipes to its program.
///
/// Why written by hand: the message is small and fixed in shape (one text/plain part), and
/// the parts that matter are easy to get wrong — Norwegian letters in the subject need RFC 2047
/// encoded-words, lines end in CRLF, and no header may carry a line break from the alert
/// text (header injection). Dot-lines are left alone: the channel runs sendmail with `-oi`.
public enum RFC5322 {
    /// The whole message: headers, an empty line, the body, CRLF line endings throughout.
    public static func message(
        from: String, to: [String], subject: String, text: String, idempotencyKey: String, date: Date
    ) -> [UInt8] {
        let headers = [
            "From: \(oneLine(from))",
            "To: \(to.map(oneLine).joined(separator: ", "))",
            "Subject: \(encodedHeaderText(subject))",
            "Date: \(dateText(date))",
            "Message-ID: \(messageID(idempotencyKey: idempotencyKey, from: from))",
            "X-Beredskap-Idempotency-Key: \(oneLine(idempotencyKey))",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        let body = lines.map { $0 + "\r\n" }.joined()
        return Array((headers.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8)
    }

    /// `text` as is when it is printable ASCII, else RFC 2047 `=?UTF-8?B?…?=` words of at most
    /// 75 characters, folded onto continuation lines. Characters are never split across words
    /// (RFC 2047 §5 requires each word to decode on its own).
    public static func encodedHeaderText(_ text: String) -> String {
        let clean = oneLine(text)
        if clean.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7f }) { return clean }
        // 75 − "=?UTF-8?B?".count − "?=".count = 63 base64 characters, so at most 45 bytes.
        let maximumBytes = 45
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in clean {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > maximumBytes, !chunk.isEmpty {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(encodedWord(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    /// RFC 5322 §3.3 in UTC: `Tue, 05 May 2026 08:30:00 +0000`. Computed with `gmtime_r`
    /// rather than a DateFormatter so no locale can slip in Norwegian day names.
    public static func dateText(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday) % 7]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon) % 12]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) +0000"
    }

    /// `<key@domain>` with the domain of the From address. The same key gives the same id, so
    /// a retried e-mail is recognisably the same message. Bytes outside letters, digits, `-`
    /// and `_` are percent-encoded to keep the id a valid dot-atom.
    public static func messageID(idempotencyKey: String, from: String) -> String {
        var local = ""
        for byte in idempotencyKey.utf8 {
            if isalnum(Int32(byte)) != 0 && byte < 0x80 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                local.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                local += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        let address = from.split(separator: "<").last.map { $0.split(separator: ">").first ?? "" } ?? ""
        let domain = address.split(separator: "@").last.map(String.init) ?? ""
        let validDomain = !domain.isEmpty && domain.utf8.allSatisfy {
            isalnum(Int32($0)) != 0 && $0 < 0x80 || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }
        return "<\(local.isEmpty ? "empty" : local)@\(validDomain ? domain : "beredskapd.localhost")>"
    }

    /// Control characters (CR and LF above all) become spaces: header text is one line.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
