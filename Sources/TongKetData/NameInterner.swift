import Foundation

/// Gives each distinct name one small integer id, normalising each distinct spelling once
/// rather than once per row: a million-row export has a few thousand distinct names.
///
/// Two layers: the exact bytes as they appear in the file (fast, no String built on a hit),
/// then the canonical name — NFC, trimmed, inner whitespace collapsed — so an NFD and an NFC
/// "Phòng 7", or "Phòng 7 " with a stray space, are one unit.
package struct NameInterner: Sendable {
    public private(set) var names: [String] = []
    private var idsByName = ByteTable()
    private var spellings = ByteTable()
    /// Spellings that were not valid UTF-8 (the file is in another encoding).
    public private(set) var invalidSpellings = 0
    /// Spellings whose control or format characters were dropped (ESC, U+202E …), and the last
    /// of them: the reader warns at the cell where one is first seen.
    public private(set) var cleanedSpellings = 0
    public private(set) var lastCleaned = ""

    public init() {}

    public var count: Int { names.count }

    public mutating func id(for bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if let id = spellings.value(for: bytes) { return id }
        var text = String(validating: bytes, as: UTF8.self)
        if text == nil {
            invalidSpellings += 1
            text = String(decoding: bytes, as: UTF8.self)
        }
        let id = id(for: text ?? "")
        spellings.insert(bytes, value: id)
        return id
    }

    public mutating func id(for text: String) -> Int32 {
        let name = Self.canonical(text)
        // A line break inside a cell (CR LF from some exports) is only a space; anything else hidden is said.
        if !Self.isCanonical(text), text.unicodeScalars.contains(where: { Diagnostic.isHidden($0) && !$0.properties.isWhitespace }) {
            cleanedSpellings += 1
            lastCleaned = text
        }
        // Canonical names are NFC, so equal names are equal bytes: looking them up by bytes
        // skips the normalising hash and comparison a String key would do for every letter
        // outside ASCII.
        var key = name
        return key.withUTF8 { bytes in
            if let id = idsByName.value(for: bytes) { return id }
            let id = Int32(names.count)
            names.append(name)
            idsByName.insert(bytes, value: id)
            return id
        }
    }

    /// NFC, trimmed, single spaces, and no control or format character: an ESC sequence or a
    /// right-to-left override in a name would reach the terminal and every file written.
    public static func canonical(_ text: String) -> String {
        if isCanonical(text) { return text }
        var visible = text
        if text.unicodeScalars.contains(where: Diagnostic.isHidden) {
            // Whitespace controls (line breaks, NEL) become the spaces they separate words with.
            visible = String(String.UnicodeScalarView(text.unicodeScalars.compactMap { scalar in
                Diagnostic.isHidden(scalar) ? (scalar.properties.isWhitespace ? " " : nil) : scalar
            }))
        }
        let composed = visible.precomposedStringWithCanonicalMapping
        return composed.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

extension NameInterner {
    /// True for text that normalising would not change — no combining marks or other letters
    /// that compose (precomposed Latin and Vietnamese letters are already NFC), single spaces
    /// between words only. Most names are; Foundation's normalisation costs microseconds a
    /// name, which a file of a million distinct units notices.
    static func isCanonical(_ text: String) -> Bool {
        var previousWasSpace = true
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 0x300 && !(0x1E00...0x1EFF).contains(v) { return false }
            if (v < 0x20 && v != 0x09 && v != 0x0A) || (0x7F...0x9F).contains(v) || v == 0xAD { return false }
            // Below U+0300 the only white space is ASCII's, NEL and the no-break space.
            let space = (0x09...0x0D).contains(v) || v == 0x20 || v == 0x85 || v == 0xA0
            if space && (v != 0x20 || previousWasSpace) { return false }
            previousWasSpace = space
        }
        return !previousWasSpace || text.isEmpty
    }
}

/// An open-addressing hash table from byte strings to ids, with the keys stored in one arena.
struct ByteTable: Sendable {
    private var arena: [UInt8] = []
    private var slots: [Slot] = Array(repeating: Slot(), count: 64)
    private var used = 0

    private struct Slot: Sendable {
        var hash: UInt64 = 0
        var offset: Int32 = 0
        var length: Int32 = 0
        var value: Int32 = -1
    }

    func value(for key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot.value < 0 { return nil }
            if slot.hash == hash && Int(slot.length) == key.count && matches(slot, key) { return slot.value }
            index = (index + 1) & mask
        }
    }

    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Int32) {
        if (used + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(key)
        let offset = Int32(arena.count)
        arena.append(contentsOf: key)
        place(Slot(hash: hash, offset: offset, length: Int32(key.count), value: value))
        used += 1
    }

    private mutating func place(_ slot: Slot) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: slot.hash) & mask
        while slots[index].value >= 0 { index = (index + 1) & mask }
        slots[index] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        for slot in old where slot.value >= 0 { place(slot) }
    }

    private func matches(_ slot: Slot, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        arena.withUnsafeBufferPointer { stored in
            guard let a = stored.baseAddress, let b = key.baseAddress else { return key.isEmpty }
            return memcmp(a + Int(slot.offset), b, key.count) == 0
        }
    }

    /// Eight bytes a step; names are short and hashed once per row, so this is a hot loop.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        guard let base = key.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= key.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < key.count { tail |= UInt64(base[i]) << shift; shift += 8; i += 1 }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }
}
