import QCapCore
import Testing

/// Issue 15 §15: one Markdown escaper for every writer (reports, comparison, rubric reference, module outlines).
@Suite struct MarkdownTests {
    @Test func escapesEveryCharacterThatOpensMarkup() {
        #expect(Markdown.escape(##"# 标题 *强调* _x_ `c` [l](u) <b> a|b \"##) == ##"\# 标题 \*强调\* \_x\_ \`c\` \[l\](u) \<b\> a\|b \\"##)
        #expect(Markdown.escape("第一行\n第二行\r\n第三行") == "第一行 第二行 第三行")
        #expect(Markdown.escape("第一行\n第二行", lineBreak: "<br>") == "第一行<br>第二行")
    }

    @Test func aCellKeepsBuiltMarkupButNotPipesOrLineBreaks() {
        #expect(Markdown.cell("`a|b`\nx") == #"`a\|b`<br>x"#)
    }
}
