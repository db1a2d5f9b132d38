/// The date line of a form's title block, as Nghị định 30/2020 places it under the national motto:
/// "Hậu Giang, ngày 15 tháng 12 năm 2023". A line with the day or month left as dots is no date, and the
/// bounds of the reporting period ("từ ngày … đến ngày …") are none either.
enum DateLine {
    /// "2023-12-15", or nil when the text holds no whole date.
    static func iso(in text: String) -> String? {
        let words = HeaderName.fold(text).split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." })
        // "(từ ngày 01 tháng 12 năm 2022 đến ngày …)", "tính đến ngày …": the period's bounds, not the date
        // it was signed.
        for i in words.indices where words[i] == "ngay" && (i == 0 || !["tu", "den"].contains(words[i - 1])) {
            // "ngày 15 tháng 12 năm 2023": the number after each of the three words.
            guard i + 5 < words.count, words[i + 2] == "thang", words[i + 4] == "nam",
                  let day = Int(words[i + 1]), let month = Int(words[i + 3]), let year = Int(words[i + 5]),
                  (1...31).contains(day), (1...12).contains(month), (1900...2200).contains(year) else { continue }
            return "\(year)-" + (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
        }
        return nil
    }
}
