import ArgumentParser
import Foundation
import TongKetReport

/// What report.docx says besides the figures: its number, its signer, where it goes, and the
/// leadership's own paragraphs.
struct ReportFormOptions: ParsableArguments {
    @Option(name: .customLong("document-number"), help: "report.docx's số/ký hiệu, e.g. \"32/BC-VKS\" (default: left for the clerk).")
    var documentNumber: String?

    @Option(name: .customLong("signer-authority"), help: "The line above the signer's title, e.g. \"KT. VIỆN TRƯỞNG\".")
    var signerAuthority: String?

    @Option(name: .customLong("signer-title"),
            help: "The signer's title, e.g. \"PHÓ VIỆN TRƯỞNG\" (default: the head of the agency's kind, e.g. VIỆN TRƯỞNG).")
    var signerTitle: String?

    @Option(name: .customLong("signer-name"), help: "The signer's name, under the signature, e.g. \"Nguyễn Văn A\".")
    var signerName: String?

    @Option(help: "Where report.docx is sent, one per \";\", above \"Lưu: VT.\", e.g. \"VKSND tối cao;Tỉnh ủy Sóc Trăng\".")
    var recipients: String?

    @Option(help: """
        A Markdown file with the leadership's own paragraphs under the headings "Nguyên nhân", "Phương hướng, nhiệm vụ", \
        "Đề xuất, kiến nghị" (and "Đánh giá chung"); placed in report.docx, the speaker notes and the summaries. \
        Without it the report shows "[Nội dung do lãnh đạo bổ sung]", which --final refuses.
        """)
    var text: String?

    func validate() throws {
        if form.needsTitle {
            throw ValidationError(MessageLanguage.pick(
                "--signer-authority \"\(form.authority)\" cần --signer-title: chức vụ của người ký, "
                    + "ví dụ \"CHÁNH VĂN PHÒNG\".",
                "--signer-authority \"\(form.authority)\" needs --signer-title: the signer's own title, e.g. \"CHÁNH VĂN PHÒNG\"."))
        }
    }

    var form: OfficialForm {
        OfficialForm(number: documentNumber ?? "", authority: signerAuthority ?? "", title: signerTitle ?? "", name: signerName ?? "",
                     recipients: recipients.map(OfficialForm.recipients) ?? [])
    }

    /// The leadership's text, read; an unreadable file or a heading that names no part is said at its line (exit 65).
    func leadership() throws -> LeadershipText {
        guard let text else { return LeadershipText() }
        guard let data = FileManager.default.contents(atPath: text), let content = String(data: data, encoding: .utf8) else {
            Terminal.error(MessageLanguage.pick("Không đọc được tệp --text \"\(text)\": kiểm tra đường dẫn, "
                                                    + "và lưu tệp dạng văn bản UTF-8.",
                                                "Cannot read the --text file \"\(text)\": check its path, and save it as UTF-8 text."))
            throw ExitStatus.dataError
        }
        do {
            return try LeadershipText.read(content, file: text)
        } catch {
            Terminal.error(error.message(vietnamese: MessageLanguage.isVietnamese))
            throw ExitStatus.dataError
        }
    }
}
