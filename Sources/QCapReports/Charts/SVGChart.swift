import Foundation
import QCapCore

/// Small inline SVG charts for reports: a radar chart over a rubric's dimensions and horizontal bars. Plain SVG 1.1
/// with no scripts, fonts or links; coordinates are rounded to 0.1 so the same data gives the same bytes.
public enum SVGChart {
    public struct Axis: Sendable {
        public var label: String
        /// 0–100, nil when nothing under the axis was evaluated (drawn at the centre and marked in the label).
        public var value: Double?
        public init(label: String, value: Double?) {
            self.label = label
            self.value = value
        }
    }

    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        /// The figure printed after the bar ("12", "35%").
        public var caption: String
        /// A CSS colour for the bar.
        public var color: String
        public init(label: String, value: Double, caption: String, color: String = "#1f5f99") {
            self.label = label
            self.value = value
            self.caption = caption
            self.color = color
        }
    }

    /// A radar chart with rings at 20, 40, 60, 80 and 100. With fewer than three axes a radar says nothing, so the
    /// axes are drawn as bars instead. `missing` is appended to the label of an axis without a value.
    public static func radar(_ axes: [Axis], title: String, radius: Double = 110, missing: String = "n/a") -> String {
        guard axes.count >= 3 else {
            return bars(axes.map { Bar(label: $0.value == nil ? "\($0.label) (\(missing))" : $0.label, value: $0.value ?? 0,
                                       caption: $0.value.map { AssessmentTable.fixed($0, 1) } ?? "—") },
                        maximum: 100, title: title)
        }
        let labelRoom = 150.0
        let width = 2 * (radius + labelRoom)
        // Room above and below for labels of two lines.
        let height = 2 * radius + 88
        let cx = width / 2
        let cy = radius + 44
        func point(_ index: Int, _ fraction: Double) -> (x: Double, y: Double) {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(axes.count)
            return (cx + radius * fraction * cos(angle), cy + radius * fraction * sin(angle))
        }
        func polygon(_ points: [(x: Double, y: Double)]) -> String {
            points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
        }
        var svg = "<svg class=\"chart radar\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
        svg += "<title>\(HTML.escape(title))</title>"
        for ring in [0.2, 0.4, 0.6, 0.8, 1.0] {
            svg += "<polygon points=\"\(polygon(axes.indices.map { point($0, ring) }))\" fill=\"none\" stroke=\"#d5dbe3\" stroke-width=\"1\"/>"
        }
        for index in axes.indices {
            let end = point(index, 1)
            svg += "<line x1=\"\(n(cx))\" y1=\"\(n(cy))\" x2=\"\(n(end.x))\" y2=\"\(n(end.y))\" stroke=\"#d5dbe3\" stroke-width=\"1\"/>"
        }
        for ring in [20, 60, 100] {
            svg += "<text x=\"\(n(cx + 3))\" y=\"\(n(cy - radius * Double(ring) / 100 + 10))\" font-size=\"8\" fill=\"#8a96a3\">\(ring)</text>"
        }
        let values = axes.indices.map { point($0, min(100, max(0, axes[$0].value ?? 0)) / 100) }
        svg += "<polygon class=\"value\" points=\"\(polygon(values))\" fill=\"#1f5f99\" fill-opacity=\"0.22\" stroke=\"#1f5f99\" stroke-width=\"2\"/>"
        for (index, value) in values.enumerated() {
            svg += "<circle cx=\"\(n(value.x))\" cy=\"\(n(value.y))\" r=\"3\" fill=\"\(axes[index].value == nil ? "#ffffff" : "#1f5f99")\" stroke=\"#1f5f99\" stroke-width=\"1.5\"/>"
        }
        for (index, axis) in axes.enumerated() {
            let anchorPoint = point(index, 1.12)
            let dx = anchorPoint.x - cx
            let anchor = abs(dx) < 1 ? "middle" : (dx > 0 ? "start" : "end")
            let lines = labelLines(axis.label)
            let lineHeight = 13.0
            let block = lineHeight * Double(lines.count - 1)
            // Above the chart the block grows upwards, below it downwards, at the sides it is centred on the axis.
            let top = anchorPoint.y < cy - radius * 0.9 ? -2 - block : (anchorPoint.y > cy + radius * 0.9 ? 10.0 : 4 - block / 2)
            let figure = axis.value.map { AssessmentTable.fixed($0, 1) } ?? missing
            svg += "<text x=\"\(n(anchorPoint.x))\" y=\"\(n(anchorPoint.y + top))\" text-anchor=\"\(anchor)\" font-size=\"11\" fill=\"#1d2733\">"
            for (number, line) in lines.enumerated() {
                let text = HTML.escape(line) + (number == lines.count - 1 ? " <tspan font-weight=\"700\" fill=\"#1f5f99\">\(HTML.escape(figure))</tspan>" : "")
                svg += number == 0 ? "<tspan>\(text)</tspan>" : "<tspan x=\"\(n(anchorPoint.x))\" dy=\"\(n(lineHeight))\">\(text)</tspan>"
            }
            svg += "</text>"
        }
        return svg + "</svg>"
    }

    /// Horizontal bars scaled to `maximum` (values are clamped to 0…maximum).
    public static func bars(_ bars: [Bar], maximum: Double, title: String, width: Double = 520) -> String {
        let labelWidth = 150.0
        let captionWidth = 90.0
        let rowHeight = 22.0
        let height = rowHeight * Double(bars.count) + 10
        let track = width - labelWidth - captionWidth
        var svg = "<svg class=\"chart bars\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
        svg += "<title>\(HTML.escape(title))</title>"
        for (index, bar) in bars.enumerated() {
            let y = 5 + rowHeight * Double(index)
            let fraction = maximum > 0 ? min(1, max(0, bar.value / maximum)) : 0
            svg += "<text x=\"\(n(labelWidth - 6))\" y=\"\(n(y + 15))\" text-anchor=\"end\" font-size=\"11\" fill=\"#1d2733\">\(HTML.escape(DisplayWidth.truncate(bar.label, to: 24)))</text>"
            svg += "<rect x=\"\(n(labelWidth))\" y=\"\(n(y + 3))\" width=\"\(n(track))\" height=\"14\" fill=\"#eef3f8\"/>"
            svg += "<rect x=\"\(n(labelWidth))\" y=\"\(n(y + 3))\" width=\"\(n(track * fraction))\" height=\"14\" fill=\"\(HTML.escape(bar.color))\"/>"
            svg += "<text x=\"\(n(labelWidth + track + 6))\" y=\"\(n(y + 15))\" font-size=\"11\" fill=\"#1d2733\">\(HTML.escape(bar.caption))</text>"
        }
        return svg + "</svg>"
    }

    /// An axis label in at most two lines of about 20 columns (CJK characters count two), the second cut with "…".
    static func labelLines(_ label: String) -> [String] {
        let lines = DisplayWidth.wrap(label, width: 20).filter { !$0.isEmpty }
        guard lines.count > 2 else { return lines.isEmpty ? [""] : lines }
        return [lines[0], DisplayWidth.truncate(lines[1...].joined(separator: " "), to: 20)]
    }

    /// A coordinate with one decimal, "-0.0" written as "0".
    static func n(_ value: Double) -> String {
        let text = AssessmentTable.fixed(value, 1)
        let trimmed = text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        return trimmed == "-0" ? "0" : trimmed
    }
}
