import Foundation
import QCapCore
import QCapReports
import Testing

/// The rubric reference escapes rubric text with the shared escaper: a title, description or note cannot open markup.
@Suite struct RubricMarkdownEscapingTests {
    @Test func rubricTextCannotOpenMarkup() throws {
        let json = ReportFixtures.rubricJSON
            .replacingOccurrences(of: #""title":{"zh":"示例质量管理能力","en":"Demo quality capability"}"#,
                                  with: ##""title":{"zh":"示例 *能力* | 表","en":"# Demo <b>"}"##)
        let descriptor = try RubricLoader.load(data: Data(json.utf8), file: "demo.json")
        let page = RubricMarkdown.page(descriptor)
        #expect(page.contains(##"# 示例 \*能力\* \| 表 / \# Demo \<b\>"##))
        #expect(!page.contains("<b>"))
    }
}
