// swift-tools-version:6.1
//
// iccsim — scenario-planning workbench for International Consumption Center Cities.
// Targets and the direction of their dependencies are drawn in docs/README.md ("Architecture"):
// data flows one way, LAPACK is reached only through `LinearAlgebra`, and the executable is a
// thin layer.

import PackageDescription

let package = Package(
  name: "iccsim",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "iccsim", targets: ["iccsim"]),
    .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
    .library(name: "Stochastics", targets: ["Stochastics"]),
    .library(name: "CityModel", targets: ["CityModel"]),
    .library(name: "Simulation", targets: ["Simulation"]),
    .library(name: "Estimation", targets: ["Estimation"]),
    .library(name: "Analysis", targets: ["Analysis"]),
    .library(name: "FileOutput", targets: ["FileOutput"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
  ],
  targets: [
    // MARK: - System libraries

    .systemLibrary(
      name: "CLAPACK",
      pkgConfig: "lapack",
      providers: [.apt(["liblapack-dev"])]),

    // MARK: - Library targets

    // Every file a command writes goes through FileOutput, which depends on nothing.
    .target(name: "FileOutput"),
    .target(name: "LinearAlgebra", dependencies: ["CLAPACK"]),
    .target(name: "Stochastics"),
    .target(
      name: "CityModel",
      dependencies: [
        "Stochastics", "LinearAlgebra", .product(name: "Yams", package: "Yams"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      resources: [.copy("Resources/indicators.yaml")]),
    .target(name: "Simulation", dependencies: ["CityModel", "Stochastics", "LinearAlgebra"]),
    .target(name: "Estimation", dependencies: ["LinearAlgebra", "Stochastics", "CityModel", "FileOutput"]),
    .target(name: "_TestSupport", dependencies: ["LinearAlgebra"], path: "Sources/_TestSupport"),
    .target(
      name: "Reporting",
      dependencies: [
        "Simulation", "CityModel", "Estimation", "Analysis", "FileOutput",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .target(name: "Analysis", dependencies: ["LinearAlgebra", "Stochastics", "Simulation", "Estimation", "CityModel"]),

    // MARK: - Executable

    .executableTarget(
      name: "iccsim",
      dependencies: [
        "CityModel", "Simulation", "Reporting",
        "Estimation", "Analysis", "FileOutput",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // MARK: - Tests

    .testTarget(
      name: "EstimationTests",
      dependencies: ["Estimation", "LinearAlgebra", "Stochastics", "CityModel", "Simulation", "_TestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "LinearAlgebraTests",
      dependencies: ["LinearAlgebra", "_TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "CityModelTests", dependencies: ["CityModel", "Stochastics"]),
    .testTarget(
      name: "CLITests",
      dependencies: [
        "iccsim", "CityModel", "Simulation", "Estimation", "FileOutput", "_TestSupport",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .testTarget(name: "FileOutputTests", dependencies: ["FileOutput"]),
    .testTarget(name: "SimulationTests", dependencies: ["Simulation", "CityModel", "Stochastics", "_TestSupport"]),
    .testTarget(
      name: "ReportingTests",
      dependencies: ["Reporting", "Simulation", "CityModel", "FileOutput", "_TestSupport"],
      exclude: ["Fixtures", "Snapshots"]),
    .testTarget(
      name: "AnalysisTests", dependencies: ["Analysis", "Stochastics", "LinearAlgebra"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "SensitivityTests", dependencies: ["Analysis", "Simulation", "CityModel", "Stochastics", "LinearAlgebra"]),
    .testTarget(name: "StochasticsTests", dependencies: ["Stochastics"], exclude: ["Fixtures"]),
    .testTarget(name: "EvidenceTests", dependencies: ["Analysis", "Estimation", "Simulation", "CityModel", "Stochastics"]),
  ]
)
