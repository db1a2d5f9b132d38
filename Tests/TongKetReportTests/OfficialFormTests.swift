import Testing
@testable import TongKetReport

/// Who signs report.docx: the title given, a deputy's under "KT.", the head's with no authority;
/// under "TM." or "TL." the signer's own title cannot be told and must be given.
@Suite struct OfficialFormTests {
    @Test func theSignersTitleFollowsTheAuthority() {
        #expect(OfficialForm().signerTitle(head: "VIỆN TRƯỞNG") == "VIỆN TRƯỞNG")
        #expect(OfficialForm(authority: "KT. Viện trưởng").signerTitle(head: "VIỆN TRƯỞNG") == "PHÓ VIỆN TRƯỞNG")
        #expect(OfficialForm(authority: "KT. CHÁNH ÁN", title: "PHÓ CHÁNH ÁN THƯỜNG TRỰC").signerTitle(head: "CHÁNH ÁN")
                == "PHÓ CHÁNH ÁN THƯỜNG TRỰC")
        #expect(OfficialForm(authority: "TL. VIỆN TRƯỞNG").needsTitle && !OfficialForm(authority: "KT. VIỆN TRƯỞNG").needsTitle)
        #expect(OfficialForm.recipients("VKSND tối cao; ;Tỉnh ủy Sóc Trăng;") == ["VKSND tối cao", "Tỉnh ủy Sóc Trăng"])
    }
}
