// swift-tools-version:5.4
//
// libFuzzer targets for iccsim's input parsers, kept out of the main build. Build and run with
//   Fuzz/run.sh TARGET SECONDS
// which compiles with -sanitize=fuzzer,address and keeps the corpus in Fuzz/Corpus/TARGET.

import PackageDescription

let package = Package(
  name: "iccsim-fuzz",
  platforms: [.macOS(.v10_15)],
  dependencies: [.package(name: "iccsim", path: "..")],
  targets: [
    .executableTarget(
      name: "FuzzScenarioLoader", dependencies: [.product(name: "CityModel", package: "iccsim")],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    .executableTarget(
      name: "FuzzCSVReader",
      dependencies: [.product(name: "Estimation", package: "iccsim"), .product(name: "CityModel", package: "iccsim")],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    .executableTarget(
      name: "FuzzFormulaParser", dependencies: [.product(name: "Estimation", package: "iccsim")],
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
  ]
)
