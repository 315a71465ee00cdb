import Testing
@testable import QCapReports

@Suite struct SVGChartTests {
    /// The value polygon's points, as numbers.
    func valuePoints(_ svg: String) throws -> [(Double, Double)] {
        let marker = "class=\"value\" points=\""
        let start = try #require(svg.range(of: marker)).upperBound
        let end = try #require(svg[start...].firstIndex(of: "\""))
        return svg[start..<end].split(separator: " ").compactMap { pair in
            let parts = pair.split(separator: ",").compactMap { Double($0) }
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }

    @Test func radarPutsEachValueOnItsAxis() throws {
        // Radius 110, label room 150 at the sides and 44 above: centre (260, 154). Axis 0 points up, then clockwise.
        let svg = SVGChart.radar([.init(label: "A", value: 100), .init(label: "B", value: 50), .init(label: "C", value: 0), .init(label: "D", value: 100)],
                                 title: "t")
        let points = try valuePoints(svg)
        #expect(points.count == 4)
        #expect(points[0] == (260, 44))
        #expect(points[1] == (315, 154))
        #expect(points[2] == (260, 154))
        #expect(points[3] == (150, 154))
        #expect(svg.hasPrefix("<svg class=\"chart radar\" viewBox=\"0 0 520 308\""))
        #expect(HTMLChecker.check(svg).problems.isEmpty)
    }

    @Test func valuesAreClampedAndMissingOnesMarked() throws {
        let svg = SVGChart.radar([.init(label: "A", value: 140), .init(label: "B", value: nil), .init(label: "C", value: -5)], title: "t", missing: "无证据")
        let points = try valuePoints(svg)
        #expect(points[0] == (260, 44))
        #expect(points[1] == (260, 154))
        #expect(points[2] == (260, 154))
        #expect(svg.contains("无证据"))
        #expect(svg.contains("fill=\"#ffffff\""))
    }

    @Test func labelsAreEscaped() {
        let svg = SVGChart.radar([.init(label: "<script>", value: 1), .init(label: "a&b", value: 2), .init(label: "\"q\"", value: 3)],
                                 title: "<t>")
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;"))
        #expect(svg.contains("a&amp;b"))
        #expect(svg.contains("aria-label=\"&lt;t&gt;\""))
        #expect(HTMLChecker.check(svg).problems.isEmpty)
    }

    @Test func fewerThanThreeAxesBecomeBars() {
        let svg = SVGChart.radar([.init(label: "A", value: 50), .init(label: "B", value: nil)], title: "t")
        #expect(svg.contains("class=\"chart bars\""))
        #expect(svg.contains("B (n/a)"))
        #expect(HTMLChecker.check(svg).problems.isEmpty)
    }

    @Test func barsScaleToTheMaximum() {
        let svg = SVGChart.bars([.init(label: "x", value: 5, caption: "5"), .init(label: "y", value: 20, caption: "20")], maximum: 10, title: "t")
        // Track width 520 − 150 − 90 = 280: half of it, then clamped to all of it.
        #expect(svg.contains("width=\"140\" height=\"14\" fill=\"#1f5f99\""))
        #expect(svg.contains("width=\"280\" height=\"14\" fill=\"#1f5f99\""))
        #expect(HTMLChecker.check(svg).problems.isEmpty)
    }

    @Test func longLabelsWrapOntoTwoLines() {
        let svg = SVGChart.radar([.init(label: "Effectiveness of the quality management system", value: 90),
                                  .init(label: "质量管理体系有效性与持续改进能力评价", value: 80), .init(label: "C", value: 70)], title: "t")
        #expect(svg.contains("<tspan>Effectiveness of the</tspan><tspan x=\"260\" dy=\"13\">quality management"))
        #expect(SVGChart.labelLines("质量管理体系有效性与持续改进能力评价") == ["质量管理体系有效性与", "持续改进能力评价"])
        #expect(SVGChart.labelLines("a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd").count == 2)
        #expect(HTMLChecker.check(svg).problems.isEmpty)
    }

    @Test func sameInputSameBytes() {
        let axes: [SVGChart.Axis] = [.init(label: "质量管理体系有效性", value: 72.345), .init(label: "数字化", value: 10), .init(label: "绩效", value: 99.99)]
        #expect(SVGChart.radar(axes, title: "t") == SVGChart.radar(axes, title: "t"))
    }
}
