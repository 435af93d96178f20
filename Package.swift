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
    .library(name: "ErrorCategories", targets: ["ErrorCategories"]),
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

    // The kinds of failure every library's errors are sorted into; depends on nothing.
    .target(name: "ErrorCategories"),
    // Every file a command writes goes through FileOutput.
    .target(name: "FileOutput", dependencies: ["ErrorCategories"]),
    .target(name: "LinearAlgebra", dependencies: ["CLAPACK", "ErrorCategories"]),
    .target(name: "Stochastics", dependencies: ["ErrorCategories"]),
    .target(
      name: "CityModel",
      dependencies: [
        "Stochastics", "LinearAlgebra", "ErrorCategories", .product(name: "Yams", package: "Yams"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      // Embedded in the binary rather than copied into a resource bundle: finding a bundle makes
      // Foundation list the executable's directory (three times), a start-up cost of every command.
      resources: [.embedInCode("Resources/indicators.yaml")]),
    .target(name: "Simulation", dependencies: ["CityModel", "Stochastics", "LinearAlgebra", "ErrorCategories"]),
    .target(
      name: "Estimation", dependencies: ["LinearAlgebra", "Stochastics", "CityModel", "FileOutput", "ErrorCategories"]),
    .target(name: "_TestSupport", dependencies: ["LinearAlgebra"], path: "Sources/_TestSupport"),
    .target(
      name: "Reporting",
      dependencies: [
        "Simulation", "CityModel", "Estimation", "Analysis", "FileOutput", "ErrorCategories",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .target(
      name: "Analysis",
      dependencies: ["LinearAlgebra", "Stochastics", "Simulation", "Estimation", "CityModel", "ErrorCategories"]),

    // MARK: - Executable

    .executableTarget(
      name: "iccsim",
      dependencies: [
        "CityModel", "Simulation", "Reporting",
        "Estimation", "Analysis", "FileOutput", "ErrorCategories",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // MARK: - Tests

    .testTarget(
      name: "EstimationTests",
      dependencies: [
        "Estimation", "Reporting", "LinearAlgebra", "Stochastics", "CityModel", "Simulation", "ErrorCategories",
        "_TestSupport",
      ],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "LinearAlgebraTests",
      dependencies: ["LinearAlgebra", "_TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "CityModelTests", dependencies: ["CityModel", "Stochastics"]),
    .testTarget(
      name: "CLITests",
      dependencies: [
        "iccsim", "CityModel", "Simulation", "Estimation", "Analysis", "Reporting", "FileOutput", "ErrorCategories",
        "LinearAlgebra", "Stochastics", "_TestSupport",
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      exclude: ["Snapshots"]),
    .testTarget(name: "FileOutputTests", dependencies: ["FileOutput", "ErrorCategories"]),
    .testTarget(name: "SimulationTests", dependencies: ["Simulation", "CityModel", "Stochastics", "_TestSupport"]),
    .testTarget(
      name: "ReportingTests",
      dependencies: ["Reporting", "Simulation", "CityModel", "FileOutput", "ErrorCategories", "_TestSupport"],
      exclude: ["Fixtures", "Snapshots"]),
    .testTarget(
      name: "AnalysisTests", dependencies: ["Analysis", "Stochastics", "LinearAlgebra"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "SensitivityTests", dependencies: ["Analysis", "Simulation", "CityModel", "Stochastics", "LinearAlgebra"]),
    .testTarget(name: "StochasticsTests", dependencies: ["Stochastics"], exclude: ["Fixtures"]),
    .testTarget(
      name: "EvidenceTests", dependencies: ["Analysis", "Estimation", "Simulation", "CityModel", "Stochastics"]),
  ]
)
