import TongKetAnalytics

/// How long each part of a video lasts, in seconds.
public struct Pacing: Sendable, Equatable {
    /// A chart's entrance: bars growing, lines drawing, figures counting.
    public var entrance: Double
    /// How long a chart stays still after its entrance, to be read.
    public var hold: Double
    /// The cross-fade from one slide to the next.
    public var crossFade: Double
    /// The title and end cards, entrance included.
    public var card: Double

    public init(entrance: Double = 2, hold: Double = 3, crossFade: Double = 0.8, card: Double = 3.5) {
        self.entrance = entrance
        self.hold = hold
        self.crossFade = crossFade
        self.card = card
    }
}

/// A video as a sequence of Scenes: the title card, each chart entering, holding and
/// cross-fading into the next, the end card. Frame n is a pure function of the slides, the
/// pacing, the frame rate and n — no clock — so the same input gives the same frames.
public struct Timeline: Sendable {
    /// One chart of the video and how long it stays.
    public struct Slide: Sendable {
        public var scene: ChartScene
        public var isCard: Bool
        /// What the slide says in a sentence: its caption (burned in or not) and its subtitle line.
        public var caption: String?
        public init(scene: ChartScene, isCard: Bool, caption: String? = nil) {
            self.scene = scene
            self.isCard = isCard
            self.caption = caption
        }
    }

    /// Characters a second a caption is read at, at most (the rate subtitlers keep to for adults).
    public static let readingRate = 17.0

    public let slides: [Slide]
    public let fps: Int
    public let pacing: Pacing
    public let language: Language
    /// Frames each slide is shown for, and the frames of each cross-fade.
    private let slideFrames: [Int]
    private let fadeFrames: Int

    public init(slides: [Slide], fps: Int, pacing: Pacing, language: Language) {
        self.slides = slides
        self.fps = fps
        self.pacing = pacing
        self.language = language
        let rate = Double(fps)
        // A slide stays until its caption can be read at `readingRate`: the hold grows to fit.
        slideFrames = slides.map { slide in
            let reading = slide.isCard ? 0 : Int((Double(slide.caption?.count ?? 0) / Self.readingRate * rate).rounded(.up))
            return max(1, reading, Int(((slide.isCard ? pacing.card : pacing.entrance + pacing.hold) * rate).rounded()))
        }
        fadeFrames = max(0, Int((pacing.crossFade * rate).rounded()))
    }

    public var frameCount: Int {
        slideFrames.reduce(0, +) + max(0, slides.count - 1) * fadeFrames
    }

    /// Seconds, exactly frameCount / fps.
    public var duration: Double { Double(frameCount) / Double(fps) }

    /// The frame's ChartScene; frames past the end show the last slide.
    public func scene(frame: Int) -> ChartScene {
        var remaining = max(0, frame)
        for (k, slide) in slides.enumerated() {
            if remaining < slideFrames[k] {
                // Held still once its entrance is over: the static scene, nothing to compute.
                let t = progress(ofFrame: remaining, in: slide)
                return t >= 1 ? slide.scene : slide.scene.frame(at: t, language: language)
            }
            remaining -= slideFrames[k]
            if k + 1 < slides.count, remaining < fadeFrames {
                // The slide as it ended, and the next one as it begins, blended.
                let opacity = eased(Double(remaining + 1) / Double(fadeFrames + 1))
                return slide.scene.crossFaded(to: slides[k + 1].scene.frame(at: 0, language: language), opacity: opacity)
            }
            if k + 1 < slides.count { remaining -= fadeFrames }
        }
        return slides.last?.scene ?? ChartScene(width: 1920, height: 1080, background: ChartColor(hex: 0))
    }

    /// True when frame `frame` is the one before it again: a slide held still after the frame
    /// its entrance ended on. Most of a video is such frames; they are drawn and encoded once.
    public func repeatsPrevious(frame: Int) -> Bool {
        guard frame > 0 else { return false }
        var remaining = frame
        for (k, slide) in slides.enumerated() {
            if remaining < slideFrames[k] { return remaining > 0 && progress(ofFrame: remaining - 1, in: slide) >= 1 }
            remaining -= slideFrames[k]
            if k + 1 < slides.count, remaining < fadeFrames { return false }
            if k + 1 < slides.count { remaining -= fadeFrames }
        }
        return true
    }

    /// Where each slide is on screen, in seconds: from its first frame to the start of the
    /// cross-fade out of it (the end, for the last) — a caption's time.
    public var slideTimes: [(start: Double, end: Double)] {
        var out: [(start: Double, end: Double)] = []
        var frame = 0
        for k in slides.indices {
            out.append((Double(frame) / Double(fps), Double(frame + slideFrames[k]) / Double(fps)))
            frame += slideFrames[k] + (k + 1 < slides.count ? fadeFrames : 0)
        }
        return out
    }

    /// The captions as SubRip subtitles (.srt): each captioned slide's sentence for the time
    /// it is on screen, numbered from 1, times as "00:00:05,300".
    public var subtitles: String {
        func stamp(_ seconds: Double) -> String {
            let ms = Int((seconds * 1000).rounded())
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            let milli = ms % 1000
            return two(ms / 3_600_000) + ":" + two(ms / 60_000 % 60) + ":" + two(ms / 1000 % 60) + "," + (milli < 10 ? "00" : milli < 100 ? "0" : "") + "\(milli)"
        }
        var out = "", number = 0
        for (slide, time) in zip(slides, slideTimes) {
            guard let caption = slide.caption, !caption.isEmpty else { continue }
            number += 1
            out += "\(number)\r\n\(stamp(time.start)) --> \(stamp(time.end))\r\n\(caption)\r\n\r\n"
        }
        return out
    }

    /// Progress of the slide's entrance at its n-th frame: the entrance over `entrance`
    /// seconds (a card's over half its time), reaching 1 on its last entrance frame.
    private func progress(ofFrame n: Int, in slide: Slide) -> Double {
        let seconds = slide.isCard ? min(pacing.entrance, pacing.card / 2) : pacing.entrance
        let frames = seconds * Double(fps)
        guard frames >= 1 else { return 1 }
        return min(1, Double(n + 1) / frames)
    }
}
