import Dispatch
import Foundation

/// What an interrupted run (Ctrl-C, SIGTERM, a closed terminal) must undo before it exits:
/// unfinished files and folders, a child still writing. Whoever starts writing something
/// registers how to remove it and unregisters once it is in place; the signal handler runs
/// the rest and exits 130 (SIGINT) or 128 + the signal.
///
/// Every change the pack makes to the file system — atomic files, folders, the swap into
/// place, the clean-up after a failure — happens inside `changingFiles`. The handler first stops
/// new changes and waits for the ones under way to finish, then undoes: otherwise a worker
/// on the other core could create a file in a folder the handler had just removed (the
/// staging folder left behind by a SIGTERM 0.4 s into a pack).
package enum Interruption {
    public typealias Token = Int

    private final class Registry: @unchecked Sendable {
        let lock = NSCondition()
        var next = 0
        var undo: [Int: @Sendable () -> Void] = [:]
        var sources: [DispatchSourceSignal] = []
        var interrupted = false
        /// A handler is undoing: a second signal (SIGHUP after Ctrl-C) waits for it to exit.
        var handling = false
        /// Threads inside `changingFiles`.
        var changing = 0
    }
    private static let registry = Registry()

    /// Takes over SIGINT, SIGTERM and SIGHUP: once at start, before anything is written, so
    /// no signal falls between a folder appearing and its undo being known.
    public static func install() {
        let r = registry
        r.lock.lock()
        defer { r.lock.unlock() }
        if r.sources.isEmpty { install(r) }
    }

    /// Registers `undo` to run if the process is interrupted before `done(token)`. Only a
    /// program that called `install()` is interrupted this way: a library never takes over
    /// its host's signals.
    public static func onInterrupt(_ undo: @escaping @Sendable () -> Void) -> Token {
        let r = registry
        r.lock.lock()
        defer { r.lock.unlock() }
        r.next += 1
        r.undo[r.next] = undo
        return r.next
    }

    public static func done(_ token: Token) {
        registry.lock.lock()
        registry.undo[token] = nil
        registry.lock.unlock()
    }

    /// The path removed (a folder with what is in it) if the process is interrupted.
    public static func removeOnInterrupt(_ path: String) -> Token {
        onInterrupt { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Runs `body`, which creates, writes, renames or removes files, as one step an interrupt
    /// waits for. Once interrupted, no new step starts: the thread waits for the handler to
    /// exit. Steps nest (a step inside a step on the same thread just runs).
    public static func changingFiles<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        let r = registry
        let depth = Thread.current.threadDictionary[depthKey] as? Int ?? 0
        if depth == 0 {
            r.lock.lock()
            if r.interrupted {
                r.lock.unlock()
                while true { pause() }
            }
            r.changing += 1
            r.lock.unlock()
        }
        Thread.current.threadDictionary[depthKey] = depth + 1
        defer {
            Thread.current.threadDictionary[depthKey] = depth
            if depth == 0 {
                r.lock.lock()
                r.changing -= 1
                if r.changing == 0 { r.lock.broadcast() }
                r.lock.unlock()
            }
        }
        return try body()
    }
    private static let depthKey = "TongKetOutput.changingFiles"

    /// Called before the process exits on its own: while an interrupt is being handled, the
    /// run's other threads fail (ffmpeg was stopped, files vanished) and must not exit first
    /// with their own error; they wait for the handler, which exits.
    public static func waitIfInterrupted() {
        registry.lock.lock()
        let interrupted = registry.interrupted
        registry.lock.unlock()
        if interrupted { while true { pause() } }
    }

    /// Signals are taken on a dispatch queue, not in a signal handler, so the undo can use
    /// the file system and Foundation freely; the main thread may be anywhere meanwhile.
    private static func install(_ r: Registry) {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                r.lock.lock()
                if r.handling {
                    r.lock.unlock()
                    while true { pause() }
                }
                r.handling = true
                r.interrupted = true
                while r.changing > 0 { r.lock.wait() }
                let undo = r.undo.sorted { $0.key > $1.key }.map(\.value)
                r.undo = [:]
                r.lock.unlock()
                undo.forEach { $0() }
                let message = "tongket: interrupted; the unfinished files were removed and earlier output is as it was\n"
                FileHandle.standardError.write(Data(message.utf8))
                _exit(signalNumber == SIGINT ? 130 : 128 + signalNumber)
            }
            source.resume()
            r.sources.append(source)
        }
    }
}
