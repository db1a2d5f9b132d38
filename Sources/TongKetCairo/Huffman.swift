/// Length-limited Huffman codes in deflate's canonical form (RFC 1951 §3.2.2).
struct HuffmanCode {
    /// Bits per symbol; 0 for a symbol that never occurs.
    let lengths: [UInt8]
    /// Each symbol's code with its bits reversed, ready for deflate's least-significant-first
    /// bit order.
    let codes: [UInt16]

    /// Codes for these frequencies, none longer than `limit` bits. At least two symbols get a
    /// code (a decoder may reject a one-code tree), so the caller need not count on it.
    init(frequencies: [UInt32], limit: Int) {
        lengths = HuffmanCode.lengths(frequencies, limit: limit)
        var countOfLength = [Int](repeating: 0, count: limit + 1)
        for length in lengths where length > 0 { countOfLength[Int(length)] += 1 }
        var next = [Int](repeating: 0, count: limit + 2)
        var code = 0
        for length in 1...limit {
            code = (code + countOfLength[length - 1]) << 1
            next[length] = code
        }
        var codes = [UInt16](repeating: 0, count: lengths.count)
        for (symbol, length) in lengths.enumerated() where length > 0 {
            codes[symbol] = HuffmanCode.reversed(UInt16(next[Int(length)]), bits: Int(length))
            next[Int(length)] += 1
        }
        self.codes = codes
    }

    /// Huffman's lengths from a two-queue merge of the symbols sorted by frequency; if a
    /// length exceeds the limit, the overflow is folded back and the Kraft sum repaired (as
    /// miniz does), then lengths are handed out again shortest to most frequent.
    private static func lengths(_ frequencies: [UInt32], limit: Int) -> [UInt8] {
        var used = frequencies.indices.filter { frequencies[$0] > 0 }
        for filler in 0..<frequencies.count where used.count < 2 && !used.contains(filler) { used.append(filler) }
        func weight(_ s: Int) -> UInt32 { max(frequencies[s], 1) }
        used.sort { weight($0) != weight($1) ? weight($0) < weight($1) : $0 < $1 }
        let leaves = used.count
        // Nodes 0..<leaves are leaves in sorted order; merged nodes follow. Parents give depths.
        var nodeWeight = used.map { UInt64(weight($0)) }
        var parent = [Int](repeating: -1, count: 2 * leaves - 1)
        var leaf = 0, merged = leaves
        func takeLightest() -> Int {
            if leaf < leaves && (merged >= nodeWeight.count || nodeWeight[leaf] <= nodeWeight[merged]) {
                leaf += 1
                return leaf - 1
            }
            merged += 1
            return merged - 1
        }
        for _ in 0..<(leaves - 1) {
            let a = takeLightest(), b = takeLightest()
            let node = nodeWeight.count
            nodeWeight.append(nodeWeight[a] + nodeWeight[b])
            parent[a] = node
            parent[b] = node
        }
        var depth = [Int](repeating: 0, count: nodeWeight.count)
        for node in stride(from: nodeWeight.count - 2, through: 0, by: -1) { depth[node] = depth[parent[node]] + 1 }

        var countOfLength = [Int](repeating: 0, count: max(limit, depth.max() ?? 0) + 1)
        for i in 0..<leaves { countOfLength[depth[i]] += 1 }
        if countOfLength.count > limit + 1 {
            for length in (limit + 1)..<countOfLength.count {
                countOfLength[limit] += countOfLength[length]
                countOfLength[length] = 0
            }
            var kraft = 0
            for length in 1...limit { kraft += countOfLength[length] << (limit - length) }
            while kraft > 1 << limit {
                countOfLength[limit] -= 1
                for length in stride(from: limit - 1, through: 1, by: -1) where countOfLength[length] > 0 {
                    countOfLength[length] -= 1
                    countOfLength[length + 1] += 2
                    break
                }
                kraft -= 1
            }
        }
        // The most frequent symbols (end of the sorted list) take the shortest lengths.
        var lengths = [UInt8](repeating: 0, count: frequencies.count)
        var next = leaves - 1
        for length in 1...limit {
            for _ in 0..<countOfLength[length] {
                lengths[used[next]] = UInt8(length)
                next -= 1
            }
        }
        return lengths
    }

    private static func reversed(_ code: UInt16, bits: Int) -> UInt16 {
        var code = code, result: UInt16 = 0
        for _ in 0..<bits {
            result = result << 1 | code & 1
            code >>= 1
        }
        return result
    }
}
