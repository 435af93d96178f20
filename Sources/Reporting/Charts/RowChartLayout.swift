/// The frame shared by the horizontal charts (paired differences, tornado, Sobol, dimension
/// scores): a title, a legend, one band per labelled row with `marksPerRow` slots, a value
/// axis with gridlines along the bottom, and a reference line (zero or a baseline).
struct RowChartLayout {
  static let width = 720.0
  static let rowSlot = 16.0
  static let titleSize = 15.0
  static let labelSize = 12.0

  var labels: [String]
  var marksPerRow: Int
  var ticks: [Double]
  var left: Double
  var right: Double
  var top: Double
  var height: Double

  /// `values` are every number the chart will plot, so the axis encloses them.
  init(labels: [String], marksPerRow: Int, values: [Double], includeZero: Bool = true, valueLabelRoom: Double = 64) {
    self.labels = labels
    self.marksPerRow = marksPerRow
    let finite = values.filter(\.isFinite) + (includeZero ? [0] : [])
    ticks = niceTicks(finite.min() ?? 0, finite.max() ?? 1)
    let labelWidth = labels.map { textWidth($0, size: Self.labelSize) }.max() ?? 0
    left = min(Self.width * 0.45, labelWidth + 16)
    right = Self.width - valueLabelRoom
    top = 58
    height = top + Double(labels.count) * (Double(marksPerRow) * Self.rowSlot + 12) + 44
  }

  var rowHeight: Double { Double(marksPerRow) * Self.rowSlot + 12 }

  var scale: LinearScale { LinearScale(domain: (ticks.first ?? 0, ticks.last ?? 1), range: (left, right)) }

  /// Vertical centre of mark `mark` in row `row`.
  func y(row: Int, mark: Int) -> Double {
    top + Double(row) * rowHeight + 6 + (Double(mark) + 0.5) * Self.rowSlot
  }

  /// Title, legend, row labels, alternating row shading, gridlines, tick labels, axis caption
  /// and the reference line at `reference`.
  func drawFrame(
    on canvas: inout SVGCanvas, title: String, legend: [(String, String)], axisCaption: String,
    reference: Double = 0, signed: Bool = false
  ) {
    let tickFormat = NumberFormat.axis(ticks, signed: signed)
    canvas.text(title, x: 12, y: 22, size: Self.titleSize, bold: true)
    var legendX = 12.0
    for (colour, name) in legend {
      canvas.rect(x: legendX, y: 33, width: 14, height: 10, fill: colour)
      canvas.text(name, x: legendX + 19, y: 42, size: 11)
      legendX += 19 + textWidth(name, size: 11) + 18
    }
    let bottom = top + Double(labels.count) * rowHeight
    for (row, label) in labels.enumerated() {
      let rowTop = top + Double(row) * rowHeight
      if row % 2 == 1 { canvas.rect(x: 0, y: rowTop, width: Self.width, height: rowHeight, fill: "#f6f7f9") }
      let lines = labelLines(label)
      for (k, line) in lines.enumerated() {
        let offset = (Double(k) - Double(lines.count - 1) / 2) * (Self.labelSize + 1)
        canvas.text(line, x: left - 8, y: rowTop + rowHeight / 2 + 4 + offset, size: Self.labelSize, anchor: .end)
      }
    }
    for tick in ticks {
      let x = scale(tick)
      canvas.line(x, top, x, bottom, stroke: ChartColour.grid)
      canvas.text(tickFormat.string(tick), x: x, y: bottom + 16, size: 11, anchor: .middle, fill: ChartColour.axis)
    }
    canvas.line(left, bottom, right, bottom, stroke: ChartColour.axis)
    if let first = ticks.first, let last = ticks.last, reference >= first, reference <= last {
      canvas.line(
        scale(reference), top - 4, scale(reference), bottom, stroke: ChartColour.axis, width: 1.2, dash: "4 3")
    }
    canvas.text(axisCaption, x: (left + right) / 2, y: bottom + 34, size: 11, anchor: .middle, fill: ChartColour.axis)
  }

  /// A row label as it fits the label column: one line, or two (wrapped between words, or
  /// between characters in Chinese), the second ending in … when even two do not hold it.
  func labelLines(_ label: String) -> [String] {
    let columns = max(8, Int((left - 16) / (Self.labelSize * 0.56)))
    let lines = wrap(label, width: columns)
    guard lines.count > 2 else { return lines }
    var second = ""
    for character in lines[1...].joined(separator: " ") {
      guard displayWidth(second + String(character)) < columns else { break }
      second.append(character)
    }
    return [lines[0], second + "…"]
  }

  /// A horizontal interval with end caps and a dot at `centre`, plus the centre's value.
  func drawInterval(
    on canvas: inout SVGCanvas, row: Int, mark: Int, low: Double, centre: Double, high: Double, colour: String,
    format: NumberFormat
  ) {
    let y = y(row: row, mark: mark)
    let scale = scale
    canvas.line(scale(low), y, scale(high), y, stroke: colour, width: 2)
    canvas.line(scale(low), y - 4, scale(low), y + 4, stroke: colour, width: 1.5)
    canvas.line(scale(high), y - 4, scale(high), y + 4, stroke: colour, width: 1.5)
    canvas.circle(x: scale(centre), y: y, radius: 4, fill: colour, stroke: "#ffffff")
    canvas.text(format.string(centre), x: scale(max(low, high, centre)) + 7, y: y + 4, size: 11, fill: colour)
  }
}
