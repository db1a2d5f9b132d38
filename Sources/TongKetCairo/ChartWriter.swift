import TongKetCharts
import TongKetOutput

extension ChartRenderer {
    /// The one writer of chart files: `scene` as `format` at `path`, atomically. PNG at the
    /// canvas's pixel size; PDF and SVG at its design size, with the scene's title and subject
    /// as the PDF's metadata.
    public func write(_ scene: ChartScene, as format: OutputFormat, size: CanvasSize, to path: String) throws(RenderError) {
        switch format {
        case .png:
            let bytes = try png(scene, size: size)
            try RenderError.writing { () throws(OutputError) in try AtomicFile.write(bytes, to: path) }
        case .pdf: try pdf([scene], info: .init(title: scene.title, subject: scene.subject), to: path)
        case .svg: try svg(scene, to: path)
        }
    }
}
