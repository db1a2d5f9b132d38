import Testing
@testable import TongKetReport

/// The leadership's own text (`--text`): Markdown headings name the report's parts however the
/// office writes them; lines join into paragraphs, items stand alone; a heading that names no
/// part, or text before any, is refused at its line.
@Suite struct LeadershipTextTests {
    @Test func headingsAsOfficesWriteThemNameTheParts() throws {
        let text = """
            # Ý kiến chỉ đạo

            ### 2. Nguyên nhân:
            Do khách quan,
            và do chủ quan.

            * Thiếu người.
            **III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025**
            Giữ vững kết quả.
            Đề xuất, kiến nghị:
            - Bổ sung biên chế.

            ## Đánh giá chung
            Hoàn thành tốt nhiệm vụ.
            """
        let read = try LeadershipText.read(text, file: "y-kien.md")
        #expect(read[.causes] == ["Do khách quan, và do chủ quan.", "- Thiếu người."])
        #expect(read[.directions] == ["Giữ vững kết quả."])
        #expect(read[.proposals] == ["- Bổ sung biên chế."])
        #expect(read[.assessment] == ["Hoàn thành tốt nhiệm vụ."])
    }

    /// A sentence, a line set apart or a deeper heading that begins with a part's name is the part's text.
    @Test func whatOnlyStartsWithAPartsNameStaysInItsPart() throws {
        let text = """
            ## Nguyên nhân
            Nguyên nhân chủ quan là thiếu kiểm tra.

            ### Nguyên nhân khách quan
            Địa bàn rộng.

            **Nhiệm vụ trọng tâm còn dở dang:**
            Hai chuyên án.

            ## Phương hướng, nhiệm vụ công tác 6 tháng cuối năm 2024
            a) Kiến nghị sửa quy chế.
            """
        let read = try LeadershipText.read(text, file: "a.md")
        #expect(read[.causes] == ["Nguyên nhân chủ quan là thiếu kiểm tra.", "Nguyên nhân khách quan", "Địa bàn rộng.",
                                  "Nhiệm vụ trọng tâm còn dở dang: Hai chuyên án."])
        #expect(read[.directions] == ["a) Kiến nghị sửa quy chế."])
        #expect(read[.proposals].isEmpty)
    }

    @Test func aHeadingThatNamesNoPartIsRefusedAtItsLine() {
        let text = "## Nguyên nhân\nA.\n\n## Kết luận\nB.\n"
        #expect(throws: LeadershipText.ReadError.self) { try LeadershipText.read(text, file: "a.md") }
        do {
            _ = try LeadershipText.read(text, file: "a.md")
        } catch {
            #expect(error.message(vietnamese: true).hasPrefix("a.md:4: mục \"Kết luận\""))
            #expect(error.message(vietnamese: false).contains("\"Causes\""))
        }
        do {
            _ = try LeadershipText.read("Trước mọi đầu mục.\n## Nguyên nhân\nA.\n", file: "b.md")
            Issue.record("text before any heading was read")
        } catch {
            #expect(error.line == 1 && error.heading == nil)
        }
    }
}
