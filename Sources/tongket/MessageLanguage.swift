import Foundation

/// The language of messages (errors, warnings, progress): Vietnamese with `--lang vi` or a
/// Vietnamese locale (LC_ALL, LC_MESSAGES, LANG), English otherwise. Decided once, before
/// argument parsing, so even a usage error speaks the user's language.
enum MessageLanguage {
    static let isVietnamese: Bool = {
        let arguments = CommandLine.arguments
        if let i = arguments.firstIndex(of: "--lang"), i + 1 < arguments.count { return arguments[i + 1].lowercased() == "vi" }
        if let inline = arguments.first(where: { $0.hasPrefix("--lang=") }) { return inline.dropFirst(7).lowercased() == "vi" }
        let environment = ProcessInfo.processInfo.environment
        let locale = [environment["LC_ALL"], environment["LC_MESSAGES"], environment["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        return locale.lowercased().hasPrefix("vi")
    }()

    static func pick(_ vi: String, _ en: String) -> String { isVietnamese ? vi : en }
}

extension MessageLanguage {
    /// ArgumentParser's own messages ("The value 'huge' is invalid for '--size <size>'") in
    /// Vietnamese: its fixed phrases replaced, the names and values kept as typed.
    static func vietnamese(_ parserMessage: String) -> String {
        [("Error: ", "Lỗi: "), ("The value '", "Giá trị '"), ("' is invalid for '", "' không hợp lệ cho '"),
         ("Unknown option '", "Không có tùy chọn '"), ("Missing expected argument '", "Thiếu tham số '"),
         ("Missing value for '", "Thiếu giá trị cho '"), ("Unexpected argument '", "Tham số không mong đợi '"),
         ("Help: ", "Trợ giúp: "), ("Usage: ", "Cách dùng: "), ("See '", "Xem '"), ("' for more information.", "' để biết thêm."),
         ("Please provide one of the following:", "Hãy chọn một trong:")]
            .reduce(parserMessage) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}
