import CityModel

/// The fixed words of tables, charts and the report, in Chinese and English. Names of
/// indicators, dimensions and scenarios come from the result itself (`OutputInfo.name`).
enum Label: String, CaseIterable, Sendable {
  case indicator, unit, group, outputID, year, dimensionScores, scenario, base, alternative
  case projection, targets, condition, targetYear, probability, firstMet, cost, costUnit
  case comparison, difference, probabilityBetter, manifest, inputs, city, baseYear, horizon
  case runs, seed, sampling, independentDraws, latinHypercube, version, command, threads, elapsed, host, date, median,
    band50, band90
  case target, indexByDimension, fanCharts, bandLegend, intervalNote, sketchNote, differenceNote
  case sobol, firstOrder, totalOrder, baseline, notMet, lowEnd, highEnd
  case total, costNote, costEffectiveness, costEffectivenessNote, zeroCostNote, change, per100, changePer100,
    targetProbabilityChange, undefined

  func text(_ language: Language) -> String {
    let (zh, en) = words
    return language == .zh ? zh : en
  }

  private var words: (String, String) {
    switch self {
    case .indicator: ("指标", "Indicator")
    case .unit: ("单位", "Unit")
    case .group: ("分组", "Group")
    case .outputID: ("编号", "ID")
    case .year: ("年份", "Year")
    case .dimensionScores: ("维度得分与综合指数", "Dimension scores and index")
    case .scenario: ("情景", "Scenario")
    case .base: ("基准情景", "Base scenario")
    case .alternative: ("比较方案", "Alternative")
    case .projection: ("预测", "Projection")
    case .targets: ("目标达成概率", "Targets")
    case .condition: ("条件", "Condition")
    case .targetYear: ("目标年份", "Target year")
    case .probability: ("达成概率", "Probability met")
    case .firstMet: ("半数模拟首次达成年份", "Year half the runs first meet it")
    case .cost: ("项目成本", "Programme cost")
    case .costUnit: ("亿元", "CNY 100 million")
    case .comparison: ("方案比较", "Comparison")
    case .difference: ("差值（方案－基准）", "Difference (alternative − base)")
    case .probabilityBetter: ("优于基准的概率", "P(better than base)")
    case .manifest: ("运行清单", "Run manifest")
    case .inputs: ("输入文件", "Input files")
    case .city: ("城市", "City")
    case .baseYear: ("基准年", "Base year")
    case .horizon: ("预测年数", "Horizon (years)")
    case .runs: ("模拟次数", "Runs")
    case .seed: ("随机种子", "Seed")
    case .sampling: ("参数抽样", "Parameter sampling")
    case .independentDraws: ("独立抽样", "independent draws")
    case .latinHypercube: ("拉丁超立方抽样", "Latin hypercube")
    case .version: ("版本", "Version")
    case .command: ("命令", "Command")
    case .threads: ("线程数", "Threads")
    case .elapsed: ("耗时（秒）", "Elapsed (s)")
    case .host: ("主机", "Host")
    case .date: ("日期", "Date")
    case .median: ("中位数", "Median")
    case .band50: ("P25–P75", "P25–P75")
    case .band90: ("P5–P95", "P5–P95")
    case .target: ("目标", "Target")
    case .indexByDimension: ("分维度得分", "Index by dimension")
    case .fanCharts: ("扇形区间图", "Fan charts")
    case .bandLegend:
      (
        "深色带为P25–P75，浅色带为P5–P95，线为中位数",
        "Dark band: P25–P75; light band: P5–P95; line: the median"
      )
    case .intervalNote:
      ("单元格：中位数 [P5–P95]，蒙特卡洛模拟", "Cells: median [P5–P95] over Monte Carlo runs")
    case .sketchNote:
      (
        "分位数来自可合并摘要，秩误差上限为模拟次数的",
        "Quantiles from the mergeable sketch: rank error at most"
      )
    case .differenceNote:
      (
        "同一随机数下的配对差值：中位数 [P5–P95]",
        "Paired differences under common random numbers: median [P5–P95]"
      )
    case .sobol: ("Sobol 敏感性指数", "Sobol sensitivity indices")
    case .firstOrder: ("一阶 S1", "First order S1")
    case .totalOrder: ("总效应 ST", "Total ST")
    case .baseline: ("基准值", "Baseline")
    case .notMet: ("未达成", "not met")
    case .lowEnd: ("输入取低值", "Input at low end")
    case .highEnd: ("输入取高值", "Input at high end")
    case .total: ("合计", "Total")
    case .costNote:
      (
        "单元格：均值 [P5–P95]；合计为每次模拟各年成本之和；"
          + "差值为同一随机数下的配对差值",
        "Cells: mean [P5–P95]; the total is each run's sum over the years; "
          + "the difference is paired under common random numbers"
      )
    case .costEffectiveness: ("成本效果", "Cost-effectiveness")
    case .costEffectivenessNote:
      (
        "每百亿元变化 = 100 × 配对差值均值 ÷ 总成本配对差值均值（亿元）；"
          + "综合指数取末年，指标取目标年份",
        "Per 100 亿元 = 100 × mean paired change ÷ mean paired difference in total cost (亿元); "
          + "the index in the last year, each indicator in its target year"
      )
    case .zeroCostNote:
      (
        "两方案成本相同，每百亿元变化无定义",
        "The plans cost the same: the change per 100 亿元 is undefined"
      )
    case .change: ("变化", "Change")
    case .per100: ("每百亿元变化", "Per 100 亿元")
    case .changePer100: ("每百亿元带来的变化", "Change per 100 亿元")
    case .targetProbabilityChange: ("目标达成概率变化", "Change in the targets' probability")
    case .undefined: ("无定义", "undefined")
    }
  }
}

extension Label {
  /// The note under a terminal table that left out `titles` to fit `width` columns.
  static func columnsLeftOut(_ titles: [String], width: Int, _ language: Language) -> String {
    language == .zh
      ? "为适应 \(width) 列宽度省略：\(titles.joined(separator: "、"))（--wide 显示全部列）"
      : "Left out to fit \(width) columns: \(titles.joined(separator: ", ")) (--wide shows every column)"
  }
}

/// A catalogue unit in the reader's language ("count" → "个", "亿元" → "CNY 100 million").
func unitLabel(_ unit: String, _ language: Language) -> String {
  let table: [String: (zh: String, en: String)] = [
    "亿元": ("亿元", "CNY 100 million"),
    "万人次": ("万人次", "10,000 visits"),
    "count": ("个", "count"),
    "rank": ("位次", "rank"),
    "per year": ("个/年", "per year"),
    "beds": ("张", "beds"),
    "vehicles": ("辆", "vehicles"),
    "km": ("公里", "km"),
    "score": ("分", "score"),
    "score 0–100": ("分（0–100）", "score 0–100"),
  ]
  guard let entry = table[unit] else { return unit }
  return language == .zh ? entry.zh : entry.en
}
