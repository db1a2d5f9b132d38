import CCairo
import Foundation

/// A fontconfig configuration holding only the fonts the themes name (Noto Sans and Noto
/// Serif, DejaVu Sans as the fallback for characters they lack; Liberation Sans, Arial's
/// metrics, to fit the text of deck.pptx's boxes as its programs set it), made current before Pango
/// starts. Output then depends on those files alone, not on whatever else is installed, and
/// start-up skips loading the system's configuration and font cache (about 20 ms a process).
/// Where the files are not in the usual Debian places, the system configuration is used.
enum PrivateFonts {
    static let directories = [
        "/usr/share/fonts/truetype/noto", "/usr/share/fonts/opentype/noto", "/usr/share/fonts/noto",
        "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
        "/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation",
    ]
    static let files = [
        "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf",
        "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
    ]

    /// Set up once per process, before the first font map; true when the private
    /// configuration is in use.
    static let installed: Bool = {
        var found: [String] = []
        for file in files {
            if let path = directories.map({ $0 + "/" + file }).first(where: FileManager.default.fileExists) { found.append(path) }
        }
        // Without both weights of Noto Sans there is nothing to gain; stay with the system's.
        guard found.contains(where: { $0.hasSuffix("NotoSans-Regular.ttf") }), found.contains(where: { $0.hasSuffix("NotoSans-Bold.ttf") }),
              let config = FcConfigCreate() else { return false }
        for path in found where FcConfigAppFontAddFile(config, path) == 0 {
            FcConfigDestroy(config)
            return false
        }
        guard FcConfigSetCurrent(config) != 0 else {
            FcConfigDestroy(config)
            return false
        }
        // The process keeps this configuration to the end: fontconfig holds it as current.
        return true
    }()
}
