import CityModel
import Foundation

/// A minimal SVG writer for the charts: shapes in user units, text escaped, coordinates
/// rounded to 0.1 so the same data give the same bytes. Fonts fall back from Noto/Source Han
/// (installed with CJK support) to the platform's sans-serif.
struct SVGCanvas {
  var width: Double
  var height: Double
  private var elements: [String] = []

  static let fontFamily =
    "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','Helvetica Neue',Arial,sans-serif"

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String) {
    elements.append(
      #"<rect x="\#(n(x))" y="\#(n(y))" width="\#(n(max(0, width)))" height="\#(n(max(0, height)))" fill="\#(fill)"/>"#)
  }

  mutating func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: String? = nil
  ) {
    let dashAttribute = dash.map { #" stroke-dasharray="\#($0)""# } ?? ""
    elements.append(
      #"<line x1="\#(n(x1))" y1="\#(n(y1))" x2="\#(n(x2))" y2="\#(n(y2))" "#
        + #"stroke="\#(stroke)" stroke-width="\#(n(width))"\#(dashAttribute)/>"#
    )
  }

  /// A closed polygon (`fill`) or an open polyline (`stroke`) through `points`.
  mutating func polygon(_ points: [(Double, Double)], fill: String) {
    elements.append(#"<polygon points="\#(pointList(points))" fill="\#(fill)"/>"#)
  }

  mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double) {
    elements.append(
      #"<polyline points="\#(pointList(points))" fill="none" "#
        + #"stroke="\#(stroke)" stroke-width="\#(n(width))" stroke-linejoin="round"/>"#
    )
  }

  mutating func circle(x: Double, y: Double, radius: Double, fill: String, stroke: String = "none") {
    elements.append(#"<circle cx="\#(n(x))" cy="\#(n(y))" r="\#(n(radius))" fill="\#(fill)" stroke="\#(stroke)"/>"#)
  }

  enum Anchor: String {
    case start, middle, end
  }

  mutating func text(
    _ content: String, x: Double, y: Double, size: Double = 12, anchor: Anchor = .start, bold: Bool = false,
    fill: String = "#222", halo: Bool = false
  ) {
    let weight =
      (bold ? #" font-weight="bold""# : "") + (halo ? #" stroke="white" stroke-width="3" paint-order="stroke""# : "")
    elements.append(
      #"<text x="\#(n(x))" y="\#(n(y))" font-size="\#(n(size))" text-anchor="\#(anchor.rawValue)" "#
        + #"fill="\#(fill)"\#(weight)>\#(xmlEscaped(content))</text>"#
    )
  }

  /// The finished document, with `title` as its accessible name and `language` as the language
  /// of its text (`xml:lang`, which picks the Chinese glyph forms of CJK fonts).
  func render(title: String, language: Language) -> String {
    let tag = language == .zh ? "zh-CN" : "en"
    var lines = [
      #"<svg xmlns="http://www.w3.org/2000/svg" xml:lang="\#(tag)" viewBox="0 0 \#(n(width)) \#(n(height))" "#
        + #"width="\#(n(width))" height="\#(n(height))" role="img" font-family="\#(Self.fontFamily)">"#,
      "<title>\(xmlEscaped(title))</title>",
      #"<rect x="0" y="0" width="\#(n(width))" height="\#(n(height))" fill="white"/>"#,
    ]
    lines += elements
    lines.append("</svg>")
    return lines.joined(separator: "\n") + "\n"
  }

  private func pointList(_ points: [(Double, Double)]) -> String {
    points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
  }
}

/// A coordinate rounded to 0.1, without a trailing ".0".
private func n(_ value: Double) -> String {
  let rounded = (value * 10).rounded() / 10
  return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
}

/// Estimated width of `text` at `size` px: CJK glyphs about one em, others about 0.55 em.
func textWidth(_ text: String, size: Double) -> Double {
  Double(displayWidth(text)) * size * 0.56
}

/// A linear map from a data interval onto a pixel interval.
struct LinearScale {
  var domain: (Double, Double)
  var range: (Double, Double)

  func callAsFunction(_ value: Double) -> Double {
    let span = domain.1 - domain.0
    guard span != 0 else { return (range.0 + range.1) / 2 }
    return range.0 + (value - domain.0) / span * (range.1 - range.0)
  }
}

/// Round tick values covering `low…high` with about `count` steps of 1, 2 or 5 × 10ⁿ; the
/// first and last ticks enclose the data.
func niceTicks(_ low: Double, _ high: Double, count: Int = 5) -> [Double] {
  var low = low
  var high = high
  if low == high {
    // A flat series: 5 % either side, or 0…1 for a series stuck at zero (a count of 0 should
    // not be drawn on an axis of negative counts).
    let pad = abs(low) * 0.05
    low = low == 0 ? 0 : low - pad
    high = high == 0 ? 1 : high + pad
  }
  let rough = (high - low) / Double(max(1, count))
  let magnitude = pow(10, (log10(rough)).rounded(.down))
  let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
  let first = (low / step).rounded(.down)
  let last = (high / step).rounded(.up)
  return stride(from: first, through: last, by: 1).map { ($0 * step * 1e9).rounded() / 1e9 }
}

/// Colours that stay distinct in greyscale print: light to dark blue for the fan, a warm
/// accent for targets and the second series.
enum ChartColour {
  static let band90 = "#c6dbef"
  static let band50 = "#6baed6"
  static let median = "#08306b"
  static let target = "#c0392b"
  static let grid = "#e3e3e3"
  static let axis = "#555555"
  static let text = "#222222"
  static let muted = "#9e9e9e"
  /// One colour per series (alternatives, S1/ST, tornado low/high).
  static let series = ["#2b6cb0", "#dd6b20", "#2f855a", "#6b46c1", "#b83280"]
}
