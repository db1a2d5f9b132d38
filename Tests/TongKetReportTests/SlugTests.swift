import Testing
import TongKetReport

@Suite struct SlugTests {
    @Test(arguments: [
        ("Văn phòng tổng hợp", "van-phong-tong-hop"),
        ("Thanh tra – Khiếu tố", "thanh-tra-khieu-to"),
        ("../../etc/passwd", "etc-passwd"),
        ("/tmp/x", "tmp-x"),
        ("CON", "x-con"),
        ("Tổ 1/Phòng 7", "to-1-phong-7"),
        ("", "x"),
        ("\u{0}\u{1B}[31m", "31m"),
        ("Đắk Lắk", "dak-lak"),
    ])
    func slugsAreSafeASCII(name: String, slug: String) {
        #expect(Slug.make(name) == slug)
    }

    @Test func longNamesAreCutAndNamesThatSlugAlikeGetDistinctFiles() {
        #expect(Slug.make(String(repeating: "Phòng nghiệp vụ ", count: 40)).count <= 60)
        var registry = Slug.Registry()
        #expect(registry.unique("Phòng 7") == "phong-7")
        #expect(registry.unique("phong-7") == "phong-7-2")
        #expect(registry.unique("PHÒNG  7") == "phong-7-3")
    }
}
