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
