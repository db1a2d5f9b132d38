import ArgumentParser
import Foundation
import TongKetAnalytics
import TongKetCairo
import TongKetCharts

/// How charts look: shared by `chart` and `report`.
struct LookOptions: ParsableArguments {
    @Option(name: .customLong("size"), help: "slide (1920×1080), 4k, a4, a4-landscape, 1080p, 720p, or WxH in pixels.")
    var canvas: CanvasSize = .slide

    @Option(name: .customLong("theme"), help: "light, dark (for video) or print (serif, for written reports).")
    var chosenTheme: Theme = .light

    @OptionGroup var captions: CaptionOptions

    var lang: Language { captions.lang }
    var source: String? { captions.source }
    var logo: String? { captions.logo }
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
        // Not a PNG, or a size no logo has: one line before any work, as a problem in the data.
        if let logo, let problem = Logo.problem(logo, vietnamese: MessageLanguage.isVietnamese) {
            Terminal.error(problem)
            throw ExitStatus.dataError
        }
    }
}
