import Foundation
import TongKetCairo
import TongKetCharts

/// Renders a timeline's frames on both cores and hands them over in order. Each worker owns
/// its renderer (Pango's objects stay on the thread that made them); a bounded window keeps
/// the workers at most a few frames ahead of the consumer, so memory stays flat however long
/// the video is.
enum FramePipeline {
    /// `encode` turns a frame into the bytes the consumer wants (raw BGRA, a PNG) on the
    /// worker, in a buffer it may reuse (one the consumer has finished with); `consume` gets
    /// them on the calling thread, frame 0 first. A frame `skip` names is not drawn: the
    /// consumer gets it empty.
    static func run(
        _ timeline: Timeline, size: CanvasSize, workers: Int = 2, skip: @escaping @Sendable (Int) -> Bool = { _ in false },
        encode: @escaping @Sendable (ChartRenderer, ChartScene, CanvasSize, inout [UInt8]) throws(RenderError) -> Void,
        consume: (Int, [UInt8]) throws(VideoError) -> Void
    ) throws(VideoError) {
        let count = timeline.frameCount
        let window = OrderedWindow(size: 2 * workers + 2)
        let group = DispatchGroup()
        for worker in 0..<workers {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let renderer = try ChartRenderer()
                    for index in stride(from: worker, to: count, by: workers) {
                        guard window.waitForRoom(index) else { return }
                        if skip(index) { window.put(index, []); continue }
                        var bytes = window.spare()
                        try encode(renderer, timeline.scene(frame: index), size, &bytes)
                        window.put(index, bytes)
                    }
                } catch {
                    window.fail(.render(error as? RenderError ?? .cairo("\(error)")))
                }
            }
        }
        defer {
            window.stop()
            group.wait()
        }
        for index in 0..<count {
            let bytes = try window.take(index)
            try consume(index, bytes)
            if !bytes.isEmpty { window.recycle(bytes) }
        }
    }
}

/// Frames finished out of order, held until their turn.
private final class OrderedWindow: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [Int: [UInt8]] = [:]
    private var spares: [[UInt8]] = []
    private var next = 0
    private var failure: VideoError?
    private var stopped = false
    private let size: Int

    init(size: Int) { self.size = size }

    /// Waits until frame `index` may be rendered; false when the run is over.
    func waitForRoom(_ index: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while index >= next + size, !stopped, failure == nil { condition.wait() }
        return !stopped && failure == nil
    }

    func put(_ index: Int, _ bytes: [UInt8]) {
        condition.lock()
        ready[index] = bytes
        condition.broadcast()
        condition.unlock()
    }

    /// A buffer the consumer is done with, or an empty one.
    func spare() -> [UInt8] {
        condition.lock()
        defer { condition.unlock() }
        return spares.popLast() ?? []
    }

    func recycle(_ bytes: [UInt8]) {
        condition.lock()
        spares.append(bytes)
        condition.unlock()
    }

    func fail(_ error: VideoError) {
        condition.lock()
        if failure == nil { failure = error }
        condition.broadcast()
        condition.unlock()
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    func take(_ index: Int) throws(VideoError) -> [UInt8] {
        condition.lock()
        defer { condition.unlock() }
        while ready[index] == nil {
            if let failure { throw failure }
            condition.wait()
        }
        next = index + 1
        condition.broadcast()
        return ready.removeValue(forKey: index) ?? []
    }
}
