import Foundation

/// "[██████░░░░]  312/1050 frames · 118 fps · 6 s left" on one stderr line, redrawn at most
/// ten times a second; nothing at all when stderr is not a terminal or with --quiet.
final class ProgressBar {
    private let enabled: Bool
    private let started = ContinuousClock.now
    private var lastDrawn: ContinuousClock.Instant?
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ done: Int, _ total: Int) {
        guard enabled else { return }
        let now = ContinuousClock.now
        if done < total, let lastDrawn, now - lastDrawn < .milliseconds(100) { return }
        lastDrawn = now
        let elapsed = (now - started) / .seconds(1)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let fps = Int(rate.rounded()), seconds = Int(left.rounded())
        Terminal.write(raw: "\r[\(bar)] " + MessageLanguage.pick("\(done)/\(total) khung hình · \(fps) khung hình/giây · còn \(seconds) giây",
                                                               "\(done)/\(total) frames · \(fps) fps · \(seconds) s left") + "\u{1B}[K")
        drawn = true
    }

    func finish() {
        if drawn { Terminal.write(raw: "\n") }
        drawn = false
    }
}

/// A bar updated from the pack's workers: the pack serialises its calls, this only carries it across.
final class SharedBar: @unchecked Sendable {
    private let bar: ProgressBar
    init(_ bar: ProgressBar) { self.bar = bar }
    func update(_ done: Int, _ total: Int) { bar.update(done, total) }
    func finish() { bar.finish() }
}
