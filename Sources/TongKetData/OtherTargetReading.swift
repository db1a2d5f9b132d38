extension FileReader {
    /// A value of a target stated beside the first ("Dự toán HĐND tỉnh giao"): read as the first is
    /// ("≤ 5%", a Vietnamese "1.234,5", a number waiting for the file's locale), but a cell that holds
    /// no number leaves this target out for the row with a warning, never the row itself.
    mutating func readOtherTarget(_ field: CSVField, target: (field: Int, id: Int, own: Bool), line: Int, row: Int, map: HeaderMap,
                                  assembler: inout TableAssembler, log: inout DiagnosticLog) {
        guard !isBlank(field) else { return }
        if let relative = relativeTarget(field) {
            assembler.addOtherTarget(relative, target: target.id, row: row)
            return
        }
        // ("≤ 5%": the indicator's direction is the headline's and the catalogue's, not this cell's)
        let (number, _) = WrittenTarget.split(field, in: buffer)
        let bytes = UnsafeBufferPointer(rebasing: buffer[number.start..<number.end])
        if ValueWords.sign(bytes) != nil { return }
        var value: Double?, waiting: PendingNumber?
        if let plain = NumberParser.plainInteger(bytes) {
            value = plain
        } else if source.typedCells, let typed = SheetText.typedNumber(bytes) {
            value = typed
        } else {
            var reading = NumberParser.read(bytes)
            if case .invalid(.notANumber) = reading, let range = ValueWords.numberBeforeWords(bytes) {
                reading = NumberParser.read(UnsafeBufferPointer(rebasing: bytes[range]))
            }
            switch reading {
            case let .plain(plain): value = plain
            case .invalid: break
            default:
                if options.numberLocale != .auto {
                    value = reading.value(in: options.numberLocale)
                } else {
                    let entry = PendingNumber(row: row, column: .target, field: target.field, line: line, reading: reading,
                                              text: String(decoding: bytes, as: UTF8.self))
                    if case .vietnamese = reading, vietnameseEvidence == nil { vietnameseEvidence = entry }
                    if case .english = reading, englishEvidence == nil { englishEvidence = entry }
                    waiting = entry
                    value = .nan
                }
            }
        }
        guard let value, value.isNaN || value >= 0 else {
            guard otherTargetsWarned.insert(target.field).inserted else { return }
            let cell = String(decoding: UnsafeBufferPointer(rebasing: buffer[field.start..<field.end]), as: UTF8.self)
            let header = target.field < map.headers.count ? map.headers[target.field] : ""
            log.warning(line: line, column: target.field + 1,
                        "\"\(cell)\" in column \"\(header)\" is not a target TongKet can read; rows like it are judged without it",
                        vi: "\"\(cell)\" ở cột \"\(header)\" không phải là chỉ tiêu TongKet đọc được; "
                            + "các dòng như vậy được đánh giá không có chỉ tiêu đó")
            return
        }
        let place = assembler.addOtherTarget(OtherTarget.Value(value: value, ownTarget: target.own),
                                             target: target.id, row: row)
        // A number waiting for the file's locale is filled in at its place.
        if var waiting {
            waiting.otherTarget = place
            pending.append(waiting)
        }
    }
}
