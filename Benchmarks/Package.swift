// swift-tools-version:6.1
//
// Benchmarks for iccsim, kept out of the test suite: speed targets are checked here, on a
// release build, never by timed unit tests. Run with
//   swift run -c release --package-path Benchmarks least-squares-benchmark
//   swift run -c release --package-path Benchmarks estimation-benchmark
//   swift run -c release --package-path Benchmarks sensitivity-benchmark
//   swift run -c release --package-path Benchmarks evidence-benchmark
//   swift run -c release --package-path Benchmarks optimise-benchmark
//   swift run -c release --package-path Benchmarks prim-benchmark
//   swift run -c release --package-path Benchmarks run-command-benchmark   (after building iccsim)

import PackageDescription

let package = Package(
  name: "iccsim-benchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "iccsim", path: "..")
  ],
  targets: [
    .executableTarget(
      name: "least-squares-benchmark",
      dependencies: [
        "BenchmarkSupport",
        .product(name: "LinearAlgebra", package: "iccsim"), .product(name: "Stochastics", package: "iccsim"),
      ],
      path: "Sources/LeastSquaresBenchmark"),
    .executableTarget(
      name: "estimation-benchmark",
      dependencies: [
        .product(name: "Estimation", package: "iccsim"), .product(name: "Stochastics", package: "iccsim"),
      ],
      path: "Sources/EstimationBenchmark"),
    .executableTarget(
      name: "simulation-benchmark",
      dependencies: [
        "BenchmarkSupport",
        .product(name: "Simulation", package: "iccsim"), .product(name: "CityModel", package: "iccsim"),
      ],
      path: "Sources/SimulationBenchmark"),
    .executableTarget(
      name: "sensitivity-benchmark",
      dependencies: [
        "BenchmarkSupport",
        .product(name: "Analysis", package: "iccsim"), .product(name: "Simulation", package: "iccsim"),
        .product(name: "CityModel", package: "iccsim"),
      ],
      path: "Sources/SensitivityBenchmark"),
    .executableTarget(
      name: "evidence-benchmark",
      dependencies: [
        "BenchmarkSupport",
        .product(name: "Analysis", package: "iccsim"), .product(name: "Estimation", package: "iccsim"),
        .product(name: "Simulation", package: "iccsim"), .product(name: "CityModel", package: "iccsim"),
      ],
      path: "Sources/EvidenceBenchmark"),
    .executableTarget(
      name: "optimise-benchmark",
      dependencies: [
        "BenchmarkSupport",
        .product(name: "Analysis", package: "iccsim"), .product(name: "Simulation", package: "iccsim"),
        .product(name: "CityModel", package: "iccsim"),
      ],
      path: "Sources/OptimiseBenchmark"),
    .executableTarget(
      name: "prim-benchmark",
      dependencies: [
        "BenchmarkSupport",
        .product(name: "Analysis", package: "iccsim"), .product(name: "LinearAlgebra", package: "iccsim"),
        .product(name: "Stochastics", package: "iccsim"),
      ],
      path: "Sources/PRIMBenchmark"),
    // Times the iccsim executable as a child process: no dependency on the package's libraries.
    .executableTarget(
      name: "run-command-benchmark", dependencies: ["BenchmarkSupport"], path: "Sources/RunCommandBenchmark"),
    // What every benchmark reports about its machine and its timings.
    .target(name: "BenchmarkSupport", path: "Sources/BenchmarkSupport"),
  ]
)
