import CityModel

/// One input's swing in a tornado chart: the output when the input sits at its low end and at
/// its high end, the others held at their baseline.
public struct TornadoBar: Sendable, Equatable {
  public var label: String
  public var low: Double
  public var high: Double

  public init(label: String, low: Double, high: Double) {
    self.label = label
    self.low = low
    self.high = high
  }
}

/// One input's Sobol indices with their intervals.
public struct SobolBar: Sendable, Equatable {
  public var label: String
  public var s1: Double
  public var s1Low: Double
  public var s1High: Double
  public var st: Double
  public var stLow: Double
  public var stHigh: Double

  public init(label: String, s1: Double, s1Low: Double, s1High: Double, st: Double, stLow: Double, stHigh: Double) {
    self.label = label
    self.s1 = s1
    self.s1Low = s1Low
    self.s1High = s1High
    self.st = st
    self.stLow = stLow
    self.stHigh = stHigh
  }
}

/// Horizontal bar charts for sensitivity results: the tornado (largest swing on top) and the
/// Sobol first-order and total indices with intervals.
public enum BarChart {
  /// Bars from `baseline` to the output at each input's low end and high end, sorted by swing.
  public static func tornado(
    _ bars: [TornadoBar], baseline: Double, title: String, unit: String, language: Language
  ) -> String {
    let sorted = bars.sorted { abs($0.high - $0.low) > abs($1.high - $1.low) }
    let values = sorted.flatMap { [$0.low, $0.high] } + [baseline]
    let format = NumberFormat.fitting(values, unit: unit)
    let layout = RowChartLayout(labels: sorted.map(\.label), marksPerRow: 1, values: values, includeZero: false)
    var canvas = SVGCanvas(width: RowChartLayout.width, height: layout.height)
    let lowColour = ChartColour.series[0]
    let highColour = ChartColour.series[1]
    layout.drawFrame(
      on: &canvas, title: title,
      legend: [(lowColour, Label.lowEnd.text(language)), (highColour, Label.highEnd.text(language))],
      axisCaption: "\(unitLabel(unit, language)) · \(Label.baseline.text(language)) \(format.string(baseline))",
      reference: baseline)
    let scale = layout.scale
    for (row, bar) in sorted.enumerated() {
      let y = layout.y(row: row, mark: 0)
      for (value, colour) in [(bar.low, lowColour), (bar.high, highColour)] {
        let (from, to) = (min(scale(baseline), scale(value)), max(scale(baseline), scale(value)))
        canvas.rect(x: from, y: y - 6, width: to - from, height: 12, fill: colour)
        let outside = value >= baseline
        canvas.text(
          format.string(value), x: outside ? to + 4 : from - 4, y: y + 4, size: 10, anchor: outside ? .start : .end,
          fill: colour)
      }
    }
    return canvas.render(title: title, language: language)
  }

  /// S1 and ST per input (sorted by ST), each with its interval.
  public static func sobol(_ bars: [SobolBar], title: String, language: Language) -> String {
    let sorted = bars.sorted { $0.st > $1.st }
    let values = sorted.flatMap { [$0.s1Low, $0.s1High, $0.stLow, $0.stHigh, $0.s1, $0.st] }
    let format = NumberFormat(style: .score, decimals: 2)
    let layout = RowChartLayout(labels: sorted.map(\.label), marksPerRow: 2, values: values)
    var canvas = SVGCanvas(width: RowChartLayout.width, height: layout.height)
    let colours = [ChartColour.series[0], ChartColour.series[1]]
    layout.drawFrame(
      on: &canvas, title: title,
      legend: [(colours[0], Label.firstOrder.text(language)), (colours[1], Label.totalOrder.text(language))],
      axisCaption: Label.sobol.text(language))
    let scale = layout.scale
    for (row, bar) in sorted.enumerated() {
      for (mark, (value, low, high)) in [(bar.s1, bar.s1Low, bar.s1High), (bar.st, bar.stLow, bar.stHigh)].enumerated()
      {
        let y = layout.y(row: row, mark: mark)
        let (from, to) = (min(scale(0), scale(value)), max(scale(0), scale(value)))
        canvas.rect(x: from, y: y - 5, width: to - from, height: 10, fill: colours[mark])
        canvas.line(scale(low), y, scale(high), y, stroke: ChartColour.text, width: 1.2)
        canvas.line(scale(low), y - 3, scale(low), y + 3, stroke: ChartColour.text, width: 1.2)
        canvas.line(scale(high), y - 3, scale(high), y + 3, stroke: ChartColour.text, width: 1.2)
        canvas.text(format.string(value), x: scale(max(value, high)) + 5, y: y + 4, size: 10, fill: colours[mark])
      }
    }
    return canvas.render(title: title, language: language)
  }
}
