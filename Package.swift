// swift-tools-version:6.1
//
// iccsim — scenario-planning workbench for International Consumption Center Cities.
// Targets and the direction of their dependencies follow DESIGN.md: data flows one way,
// LAPACK is reached only through `LinearAlgebra`, and the executable is a thin layer.

import PackageDescription

let package = Package(
  name: "iccsim",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "iccsim", targets: ["iccsim"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
  ],
  targets: [
    // MARK: - System libraries

    .systemLibrary(
      name: "CLAPACK",
      pkgConfig: "lapack",
      providers: [.apt(["liblapack-dev"])]),

    // MARK: - Library targets

    .target(name: "LinearAlgebra", dependencies: ["CLAPACK"]),
    .target(name: "Stochastics", dependencies: ["LinearAlgebra"]),
    .target(
      name: "CityModel",
      dependencies: ["Stochastics", .product(name: "Yams", package: "Yams")],
      resources: [.copy("Resources/indicators.yaml")]),
    .target(name: "Simulation", dependencies: ["CityModel", "Stochastics", "LinearAlgebra"]),
    .target(name: "Analysis", dependencies: ["LinearAlgebra", "Stochastics"]),

    // MARK: - Executable

    .executableTarget(
      name: "iccsim",
      dependencies: [
        "CityModel", "Simulation",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // MARK: - Tests

    .testTarget(
      name: "AnalysisTests", dependencies: ["Analysis", "Stochastics", "LinearAlgebra"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "StochasticsTests", dependencies: ["Stochastics"], exclude: ["Fixtures"]),
  ]
)
