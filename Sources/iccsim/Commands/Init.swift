import ArgumentParser
import CityModel
import Reporting

/// `iccsim init --city NAME`: a commented starter scenario on standard output.
struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a commented starter scenario for a city.",
    discussion:
      "Save it under scenarios/ (paths in it are relative to the file), edit, then run `iccsim validate` on it.")

  @Option(
    help: ArgumentHelp(
      "City id: lower-case letters, digits, - or _ (the pilot cities: shanghai, beijing, guangzhou, tianjin, "
        + "chongqing).")
  )
  var city: String

  @Option(help: "Base year: the year whose values the baseline table gives.")
  var baseYear: Int = 2023

  /// Chinese names of the first-batch pilot cities (July 2021).
  static let pilotCities = [
    "shanghai": "上海", "beijing": "北京", "guangzhou": "广州", "tianjin": "天津", "chongqing": "重庆",
  ]

  func validate() throws {
    let valid =
      city.first.map { $0.isASCII && $0.isLowercase } == true
      && city.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "_" }
    guard valid else {
      throw ValidationError(
        "--city must be an id of lower-case letters, digits, - or _ starting with a letter (got '\(city)')")
    }
    guard (1900...2200).contains(baseYear) else {
      throw ValidationError("--base-year must be a calendar year (got \(baseYear))")
    }
  }

  func run() throws {
    try exitingOnError { try writeStandardOutput(Self.starter(city: city, baseYear: baseYear)) }
  }

  static func starter(city: String, baseYear: Int) -> String {
    let zh = pilotCities[city] ?? city
    let en = city.prefix(1).uppercased() + city.dropFirst()
    let dataNote =
      pilotCities[city] != nil
      ? "# data/cities.csv holds \(city)'s \(baseYear) values; rows marked ILLUSTRATIVE are not real figures."
      : "# data/cities.csv has no rows for \(city) yet: add its \(baseYear) values (with sources), or set them "
        + "under values:."
    return """
      # Starter scenario for \(city) (\(zh)). Save as scenarios/\(city)-baseline.yaml, then:
      #   iccsim validate scenarios/\(city)-baseline.yaml
      # Paths are relative to this file. Distributions: a number, or one family such as
      # {normal: {mean: …, sd: …}}, {triangular: {min: …, mode: …, max: …}}, {poisson: {mean: …}}.
      scenario: \(city)-baseline
      title: {zh: \(zh)·基准方案, en: \(en) baseline}
      city: \(city)
      base_year: \(baseYear)
      horizon: 10                      # years projected after the base year (1…30)
      runs: 10000                      # Monte Carlo runs
      \(padded("seed: \(baseYear)0101", to: 33))# same seed, same results
      model: models/icc-default.yaml   # the driver graph, elasticities and policies
      \(dataNote)
      baseline: data/cities.csv
      # values:                        # override any base-year value here
      #   retail_sales: 18000

      interventions:
        # A stock intervention: adds to a stock of the model, spread over `ramp` years from `start`.
        - id: district-upgrade
          name: {zh: 商圈改造提升, en: District upgrade}
          adds: {landmark_districts: 1}
          start: \(baseYear + 2)
          ramp: 3
          delay: {poisson: {mean: 0.5}}                       # whole years of slippage
          cost: {triangular: {min: 30, mode: 40, max: 60}}    # 亿元, total
        # A policy intervention: switches on a policy of the model, phased in over `ramp` years.
        - id: instant-refund
          policy: instant_tax_refund
          start: \(baseYear + 1)
          ramp: 2

      targets:
        - {indicator: retail_sales, year: \(baseYear + 7), at_least: 20000}   # 亿元
        - {indicator: index, year: \(baseYear + 10), at_least: 60}            # ICC index, 0–100

      """
  }
}
