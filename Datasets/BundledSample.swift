// The sample travels inside the executable: `tongket` with no arguments must work from any
// folder, not only from a checkout where Datasets/ sits beside it.
public enum BundledSample {
    /// The name the sample goes by in messages and output folders.
    public static let fileName = "hau-giang.csv"
    public static var bytes: [UInt8] { PackageResources.hau_giang_csv }
    /// The office's catalogue of its indicators, as an office keeps one: fields, headlines, short names.
    public static let catalogueName = "danh-muc-chi-tieu.csv"
    public static var catalogueBytes: [UInt8] { PackageResources.danh_muc_chi_tieu_csv }
}
