import ArgumentParser
import Foundation
import TongKetAnalytics
import TongKetCharts

/// How charts look: shared by `chart` and `report`.
struct LookOptions: ParsableArguments {
    @Option(help: "slide (1920×1080), 4k, a4, a4-landscape, or WxH in pixels.")
    var size: String = "slide"

    @Option(help: "light, dark (for video) or print (serif, for written reports).")
    var theme: String = "light"

    @OptionGroup var captions: CaptionOptions

    func validate() throws {
        if CanvasSize(parsing: size) == nil {
            throw ValidationError(MessageLanguage.pick("Không có khổ \"\(size)\"; dùng slide, 4k, a4, a4-landscape hoặc RỘNGxCAO tính bằng điểm ảnh, ví dụ 1280x720.",
                                                       "Unknown size \"\(size)\"; use slide, 4k, a4, a4-landscape or WxH such as 1280x720."))
        }
        if Theme.named(theme) == nil {
            throw ValidationError(MessageLanguage.pick("Không có giao diện \"\(theme)\"; dùng light, dark hoặc print.",
                                                       "Unknown theme \"\(theme)\"; use light, dark or print."))
        }
    }

    var lang: Language { captions.lang }
    var source: String? { captions.source }
    var logo: String? { captions.logo }

    var canvas: CanvasSize { CanvasSize(parsing: size) ?? .slide }
    var chosenTheme: Theme { Theme.named(theme) ?? .light }
}

/// The words around every chart: shared by charts, the pack and the video.
struct CaptionOptions: ParsableArguments {
    @Option(help: "Language of the charts: vi or en.")
    var lang: Language = .vi

    @Option(help: "The source line under every chart.")
    var source: String?

    @Option(help: "A PNG logo for the top right corner.")
    var logo: String?

    func validate() throws {
        if let logo, !FileManager.default.fileExists(atPath: logo) {
            throw ValidationError(MessageLanguage.pick("Không có tệp logo \"\(logo)\".", "The logo \"\(logo)\" does not exist."))
        }
    }
}
