import Analysis
import CityModel
import Simulation

/// The fixed text of the sensitivity table in English or Chinese: the method's title, the line
/// on the design, each block's heading and column headers, and the warnings. Chinese text takes
/// full-width punctuation (`Punctuation`, docs/chinese-text.md); English text is as it always was.
struct SensitivityTableText {
  let language: Language
  /// Readable names of the inputs, groups and outputs.
  let label: SensitivityInputLabel

  private var zh: Bool { language == .zh }

  func methodTitle(_ method: SensitivityMethod, grouped: Bool) -> String {
    switch method {
    case .tornado:
      zh
        ? "龙卷风图（每个输入取P5与P95，其余输入取中位数）"
        : "Tornado (each input at P5 and P95, the others at their medians)"
    case .src:
      zh
        ? "标准化回归系数（SRC）与偏秩相关系数（PRCC）"
        : "Standardised regression (SRC) and partial rank correlation (PRCC)"
    case .sobol where grouped:
      zh ? "分组Sobol指数（模型与指数方法）" : "Grouped Sobol indices (model vs index method)"
    case .sobol: zh ? "Sobol指数（一阶S1，总效应ST）" : "Sobol indices (first order S1, total ST)"
    }
  }

  /// Runs, inputs and shocks: "… runs (…, seed 42); 12 uncertain inputs; yearly shocks: …".
  func designLine(
    method: SensitivityMethod, runs: Int, samples: Int, seed: UInt64, sampling: BaseSampling?,
    inputs: Int, noise: DesignSampler.NoisePolicy
  ) -> String {
    let inputText = zh ? "\(inputs)个不确定输入" : "\(inputs) uncertain input\(inputs == 1 ? "" : "s")"
    let noiseText =
      switch (noise == .common, zh) {
      case (true, true): "年度冲击：每次运行使用同一条共同路径"
      case (false, true): "年度冲击：已关闭"
      case (true, false): "yearly shocks: one common path in every run"
      case (false, false): "yearly shocks: switched off"
      }
    let points: String =
      switch sampling {
      case .sobol(_, let replicates)? where replicates > 1:
        zh
          ? "\(replicates)组独立置乱的Sobol点，"
          : "scrambled Sobol points in \(replicates) independent scramblings, "
      case .sobol?: zh ? "置乱的Sobol点，" : "scrambled Sobol points, "
      case .random?: zh ? "随机点，" : "random points, "
      case nil: ""
      }
    let runText: String =
      switch (method, zh) {
      case (.tornado, true): "\(runs)次运行"
      case (.tornado, false): "\(runs) runs"
      case (.src, true): "\(runs)次运行（\(points)种子\(seed)）"
      case (.src, false): "\(runs) runs (\(points)seed \(seed))"
      case (.sobol, true): "\(runs)次运行（\(samples)个基础样本，\(points)种子\(seed)）"
      case (.sobol, false): "\(runs) runs (\(samples) base samples, \(points)seed \(seed))"
      }
    return zh ? "\(runText)；\(inputText)；\(noiseText)" : "\(runText); \(inputText); \(noiseText)"
  }

  /// What a block is about: the output (its id in English, its name in Chinese) and its year.
  func output(_ id: String, year: Int?) -> String {
    guard zh else { return year.map { "\(id) in \($0)" } ?? id }
    let name = label.outputName(id)
    return year.map { Punctuation.inYear(name, $0, language) } ?? name
  }

  /// The heading of a tornado block: the output with every input at its median.
  func tornadoHeading(_ output: String, base: String) -> String {
    let part = zh ? "各输入取中位数时：\(base)" : "with every input at its median: \(base)"
    return Punctuation.titled(output, part, language)
  }

  /// The heading of a regression block: the output with the fits' R².
  func regressionHeading(_ output: String, rSquared: String, rankRSquared: String) -> String {
    Punctuation.titled(
      output, zh ? "R² = \(rSquared)，秩R² = \(rankRSquared)" : "R² = \(rSquared), rank R² = \(rankRSquared)",
      language)
  }

  func header(_ method: SensitivityMethod) -> [String] {
    switch method {
    case .tornado:
      zh
        ? ["输入", "输入P5", "输入P95", "输入取P5时的输出", "输入取P95时的输出", "摆幅"]
        : ["input", "input P5", "input P95", "output at P5", "output at P95", "swing"]
    case .src: [zh ? "输入" : "input", "SRC", "PRCC"]
    case .sobol: zh ? ["输入", "S1", "S1 95%区间", "ST", "ST 95%区间"] : ["input", "S1", "S1 95%", "ST", "ST 95%"]
    }
  }

  var warningsHeading: String { zh ? "警告：" : "Warnings:" }

  /// A warning as a sentence: its message in English; in Chinese, what it means for the output
  /// and input it names (the numbers behind it are in the JSON's English `message`).
  func warning(_ warning: SensitivityWarning, inputs: [SensitivityInput]) -> String {
    guard zh else { return warning.message }
    let output = warning.output.map { self.output($0, year: warning.year) } ?? ""
    let input = warning.input.map { label($0) } ?? ""
    let unstable = "样本过少，估计不稳定（请增加--samples）"
    switch warning.kind {
    case .smallSample:
      return "基础样本过少：Sobol指数需要更多基础样本才能稳定（请增加--samples）"
    case .constantOutput: return "\(output)在整个设计中不变：没有可分配的方差，其指数记为0"
    case .negativeFirstOrder:
      return "\(input)对\(output)的一阶指数为负，且超出其置信区间：\(unstable)"
    case .totalBelowFirstOrder:
      return "\(input)对\(output)的总效应指数低于一阶指数，超出ST − S1的置信区间：\(unstable)"
    case .firstOrderSumAboveOne: return "\(output)的一阶指数之和大于1，且超出其置信区间：\(unstable)"
    case .lowRSquared:
      return "线性回归只能解释\(output)方差的一小部分："
        + "SRC不宜作为方差份额解读，请参考PRCC或Sobol指数"
    case .singleGroup:
      let only = inputs.compactMap(\.group).first ?? ScenarioModel.Group.model
      let reason =
        only == ScenarioModel.Group.model
        ? "本情景中没有任何指数方法的量（指数权重或阈值）设有分布，"
          + "全部方差归于模型（S = 1）；"
          + "请在模型中为dimension_weights、indicator_weights或goalposts设定分布"
        : "所有不确定量都是指数权重或阈值，全部方差归于指数方法（S = 1）；"
          + "模型的量均为固定值"
      return "--groups：\(inputs.count)个输入只构成一个组（\(label(only))）：\(reason)"
    }
  }
}
