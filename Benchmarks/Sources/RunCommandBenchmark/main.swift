// Times `iccsim run` as a user runs it — a separate process that loads and compiles the scenario,
// simulates, summarises, encodes the JSON and writes it to a file — on the shipped variant
// scenario at 10,000, 200,000 and 1,000,000 runs: the median wall time of 5 runs each and the
// peak resident set of the child (wait4's rusage). Each output is checked before its time
// counts: it must be a JSON object with the requested run count, the same bytes every time
// (`--no-meta` leaves out the timing that would differ).
//
//   swift build -c release --product iccsim
//   swift run -c release --package-path Benchmarks run-command-benchmark \
//     [--iccsim .build/release/iccsim] [--scenario scenarios/shanghai-districts-first.yaml] \
//     [--runs 10000,200000,1000000] [--threads 2] [--repetitions 5]

import BenchmarkSupport
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct Options {
  var iccsim = ".build/release/iccsim"
  var scenario = "scenarios/shanghai-districts-first.yaml"
  var runs = [10_000, 200_000, 1_000_000]
  var threads = 2
  var repetitions = 5

  init(_ arguments: [String]) {
    var rest = arguments[...]
    while let flag = rest.popFirst() {
      guard let value = rest.popFirst() else { fail("\(flag) needs a value") }
      switch flag {
      case "--iccsim": iccsim = value
      case "--scenario": scenario = value
      case "--runs":
        let counts = value.split(separator: ",").compactMap { Int($0) }
        guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }) else { fail("--runs needs positive counts: \(value)") }
        runs = counts
      case "--threads":
        guard let count = Int(value), count > 0 else { fail("--threads needs a positive count") }
        threads = count
      case "--repetitions":
        guard let count = Int(value), count > 0 else { fail("--repetitions needs a positive count") }
        repetitions = count
      default: fail("unknown option \(flag)")
      }
    }
  }
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("run-command-benchmark: \(message)\n".utf8))
  exit(64)
}

/// Prints a line at once (standard output may be a pipe, which `print` would buffer).
func report(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Runs `arguments` as a child process; returns its wall time in seconds and peak RSS in bytes.
func measure(_ arguments: [String]) -> (seconds: Double, peakBytes: Int) {
  var argv = arguments.map { strdup($0) }
  argv.append(nil)
  defer { for pointer in argv { free(pointer) } }
  var pid: pid_t = 0
  let clock = ContinuousClock()
  let start = clock.now
  // The child's warnings (the scenario's goalpost notes) would bury the table: its stderr goes
  // to /dev/null, and a failure is reported with the command to rerun by hand.
  #if canImport(Darwin)
    var actions: posix_spawn_file_actions_t? = nil
  #else
    var actions = posix_spawn_file_actions_t()
  #endif
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
  guard spawned == 0 else { fail("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))") }
  var status: Int32 = 0
  var usage = rusage()
  while wait4(pid, &status, 0, &usage) < 0 {
    guard errno == EINTR else { fail("wait4: \(String(cString: strerror(errno)))") }
  }
  let elapsed = clock.now - start
  guard status == 0 else {
    fail("\(arguments.joined(separator: " ")) exited with status \(status); rerun it to see its message")
  }
  #if canImport(Darwin)
    let peakBytes = Int(usage.ru_maxrss)
  #else
    let peakBytes = Int(usage.ru_maxrss) * 1024
  #endif
  return (elapsed.seconds, peakBytes)
}

/// The run count recorded in a result file, checking that it is a JSON object.
func recordedRuns(_ data: Data) -> Int? {
  guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
  return object["runs"] as? Int
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
guard FileManager.default.isExecutableFile(atPath: options.iccsim) else {
  fail("no iccsim executable at \(options.iccsim) (build it with `swift build -c release --product iccsim`)")
}
let outputDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("run-command-benchmark-\(getpid())")
defer { try? FileManager.default.removeItem(at: outputDirectory) }
let scenarioName = URL(fileURLWithPath: options.scenario).deletingPathExtension().lastPathComponent
// `run --out DIR` names its file run-<scenario id>.json; the shipped scenarios' ids are their file names.
let output = outputDirectory.appendingPathComponent("run-" + scenarioName + ".json")

report("iccsim run \(options.scenario) --format json, \(options.threads) threads, median of \(options.repetitions)")
report("| Runs | Median wall | All | Peak RSS |")
report("|---|---|---|---|")
for runs in options.runs {
  var seconds: [Double] = []
  var peak = 0
  var firstOutput: Data?
  for _ in 0..<options.repetitions {
    let (elapsed, peakBytes) = measure([
      options.iccsim, "run", options.scenario, "--runs", String(runs), "--threads", String(options.threads),
      "--format", "json", "--no-meta", "--out", outputDirectory.path, "--force",
    ])
    guard let data = try? Data(contentsOf: output) else { fail("no output written at \(output.path)") }
    guard recordedRuns(data) == runs else { fail("the output of \(runs) runs does not record \(runs) runs") }
    if let firstOutput, firstOutput != data { fail("repeated runs of \(runs) wrote different results") }
    firstOutput = data
    seconds.append(elapsed)
    peak = max(peak, peakBytes)
  }
  let all = seconds.map { String(format: "%.2f", $0) }.joined(separator: ", ")
  report(
    "| \(runs) | \(String(format: "%.3f", seconds.sorted()[seconds.count / 2])) s | \(all) | "
      + "\(peak / 1_048_576) MB |")
}
