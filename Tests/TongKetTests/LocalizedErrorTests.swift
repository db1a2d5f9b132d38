import Foundation
import Testing
import TongKet

/// A Swift client's `error.localizedDescription` says what the command line says: the file and
/// what to do (it read "(TongKetData.LoadError error 1.)").
@Suite struct LocalizedErrorTests {
    @Test func aMissingFileIsNamedInTheLocalizedDescription() {
        do {
            _ = try Metrics(reading: ["/no/such/ketqua-2024.csv"])
            Issue.record("a missing file loaded")
        } catch {
            #expect(error.localizedDescription.contains("/no/such/ketqua-2024.csv: no such file"), "\(error.localizedDescription)")
        }
    }
}
