/// The version `tongket --version` prints.
enum TongKetVersion {
    static let current = "0.4.0"
}
