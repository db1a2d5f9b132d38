// The sample travels inside the executable: `tongket` with no arguments must work from any
// folder, not only from a checkout where Datasets/ sits beside it.
public enum BundledSample {
    /// The name the sample goes by in messages and output folders.
    public static let fileName = "hau-giang.csv"
    public static var bytes: [UInt8] { PackageResources.hau_giang_csv }
}
