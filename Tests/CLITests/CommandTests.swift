import ArgumentParser
import CityModel
import FileOutput
import Foundation
import Reporting
import Testing
import _TestSupport

@testable import iccsim

@Suite("Commands")
struct CommandTests {
  @Test func validateAcceptsEveryShippedFile() throws {
    let files = [
      "scenarios/shanghai-baseline.yaml", "scenarios/shanghai-districts-first.yaml",
      "scenarios/models/icc-default.yaml",
      "scenarios/data/cities.csv",
    ]
    let result = try execute(["validate"] + files)
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let reported: [String] = result.stdout.split(separator: "\n").map { line in String(line.prefix { $0 != ":" }) }
    #expect(reported == files.map { "ok  " + $0 })
    #expect(
      result.stdout.contains(
        "ok  scenarios/shanghai-baseline.yaml: scenario shanghai-baseline: shanghai 2023+10, 24 indicators, 2 "
          + "interventions, 3 targets"
      ))
  }

  @Test func validateReportsEveryProblemWithItsPlaceAndExits65() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let bad = folder.appendingPathComponent("bad.yaml")
    let model = "\(repositoryRoot.path)/scenarios/models/icc-default.yaml"
    try Data("scenario: bad\ncity: shanghai\nbase_year: 2023\nhorizon: 40\nmodel: \(model)\nsede: 1\n".utf8)
      .write(to: bad)
    let result = try execute(["validate", bad.path])
    #expect(result.status == 65)
    #expect(result.stdout == "")
    let ids = IndicatorCatalogue.bundled.ids.joined(separator: ", ")
    #expect(
      result.stderr == """
        \(bad.path):6:1: unknown key 'sede' in a scenario file; did you mean 'seed'?
        \(bad.path):4:10: a horizon in years must lie in 1…30 (got 40)
        \(bad.path):5:1: no base-year (2023) value for shanghai of \(ids): \
        name a baseline table or set them under values:
        iccsim: 3 problems in the input

        """)
  }

  @Test func validateExits66ForAFileThatCannotBeRead() throws {
    let result = try execute(["validate", "scenarios/no-such-file.yaml"])
    #expect(result.status == 66)
    #expect(
      result.stderr == "scenarios/no-such-file.yaml: cannot read file: no such file\niccsim: 1 problem in the input\n")
  }

  @Test func validateWithoutFilesIsAUsageError() throws {
    let result = try execute(["validate"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("Missing expected argument '<files> ...'"))
  }

  @Test func indicatorsPrintsAnAlignedTableInBothLanguages() throws {
    for language in ["zh", "en"] {
      let result = try execute(["indicators", "--lang", language, "--wide"])
      #expect(result.status == 0)
      let lines = result.stdout.split(separator: "\n").map(String.init)
      #expect(lines.count == 26, "header, rule and 24 rows")
      // Every column starts at the same display column on every line: the text before the last
      // column (padded to its width) has the same display width on every line but the rule.
      let prefixWidths = Set(
        lines.enumerated().filter { $0.offset != 1 }.map(\.element).map { line in
          displayWidth(line)
            - displayWidth(String(line.split(separator: " ", omittingEmptySubsequences: true).last ?? ""))
        })
      #expect(prefixWidths.count == 1, "\(language): columns aligned")
    }
    let zh = try execute(["indicators", "--lang", "zh"])
    #expect(
      zh.stdout.contains(" 7  retail_sales") && zh.stdout.contains("社会消费品零售总额")
        && zh.stdout.contains("消费繁荣度"))
  }

  @Test func indicatorsRejectsAnUnknownLanguage() throws {
    let result = try execute(["indicators", "--lang", "fr"])
    #expect(result.status == 64)
  }

  @Test(arguments: [
    ("chengdu", "成都·基准方案"), ("shanghai", "上海·基准方案"), ("lhasa", "Lhasa·基准方案"),
  ])
  func initWritesAFolderThatValidatesAndRuns(city: String, zhTitle: String) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-init-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let directory = folder.appendingPathComponent("plans").path
    let written = try execute(["init", "--city", city, "--dir", directory])
    #expect(written.status == 0, "stderr: \(written.stderr)")
    let files = ["\(city)-baseline.yaml", "icc-default.yaml", "\(city)-2023.csv"]
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == files.sorted())
    let validated = try execute(["validate"] + files.map { directory + "/" + $0 })
    #expect(validated.status == 0, "stderr: \(validated.stderr)")
    let scenario = try Scenario.load(from: URL(fileURLWithPath: directory + "/" + files[0]))
    #expect(scenario.interventions.isEmpty)
    #expect(scenario.title.zh == zhTitle)
    let run = try execute(["run", directory + "/" + files[0], "--runs", "40"], in: folder)
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(!written.stderr.contains("Save as") && !run.stderr.contains("cannot read"))
  }

  @Test func initKeepsExistingFilesUnlessForced() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-init-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try execute(["init", "--city", "chengdu", "--dir", folder.path]).status == 0)
    let scenario = folder.appendingPathComponent("chengdu-baseline.yaml")
    let data = folder.appendingPathComponent("chengdu-2023.csv")
    try Data("edited\n".utf8).write(to: scenario)
    try FileManager.default.removeItem(at: data)
    let refused = try execute(["init", "--city", "chengdu", "--dir", folder.path])
    #expect(refused.status == 73)
    #expect(refused.stderr.contains("chengdu-baseline.yaml: it exists; pass --force to replace it"))
    // All or none: the edited file is kept and the missing one is not written either.
    #expect(try String(contentsOf: scenario, encoding: .utf8) == "edited\n")
    #expect(!FileManager.default.fileExists(atPath: data.path))
    #expect(try execute(["init", "--city", "chengdu", "--dir", folder.path, "--force"]).status == 0)
    #expect(try String(contentsOf: scenario, encoding: .utf8).contains("scenario: chengdu-baseline"))
    #expect(FileManager.default.fileExists(atPath: data.path))
  }

  @Test func initPrintsAStarterThatValidatesWhereverItIsSaved() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iccsim-init-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for city in ["shanghai", "chengdu"] {
      let starter = try execute(["init", "--city", city])
      #expect(starter.status == 0)
      #expect(!starter.stdout.contains("Save as scenarios/"))
      let file = folder.appendingPathComponent("\(city).yaml")
      try Data(starter.stdout.utf8).write(to: file)
      let scenario = try Scenario.load(from: file)
      #expect(scenario.city == city && scenario.baseYear == 2023 && scenario.horizon == 10 && scenario.runs == 10_000)
      #expect(scenario.interventions.isEmpty)
    }
  }

  @Test func initRefusesACityThatIsNotAnId() throws {
    let result = try execute(["init", "--city", "Shang Hai"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--city must be an id of lower-case letters"))
  }

  @Test func commandsParseInProcess() throws {
    let command = try Iccsim.parseAsRoot(["indicators", "--lang", "zh"])
    #expect((command as? Indicators)?.lang == .zh)
    let validate = try Iccsim.parseAsRoot(["validate", "a.yaml", "b.yaml"])
    #expect((validate as? Validate)?.files == ["a.yaml", "b.yaml"])
  }

  @Test func errorsMapToSysexits() {
    let content = InputError(problems: [InputProblem(file: "f", line: 1, column: 1, message: "bad")])
    let unreadable = InputError(problems: [InputProblem(file: "f", message: "cannot read file", isUnreadableFile: true)]
    )
    #expect(ExitStatus(for: content) == .dataError)
    #expect(ExitStatus(for: unreadable) == .noInput)
    let unwritable = OutputError(path: "out.csv", fault: .cannotCreate("permission denied"))
    #expect(ExitStatus(for: unwritable) == .cannotCreate)
    #expect(ExitStatus(for: OutputError(path: "out.csv", fault: .noSpace)) == .ioError)
    #expect(ExitStatus(for: ValidationError("bad option")) == .usage)
    struct Unexpected: Error {}
    #expect(ExitStatus(for: Unexpected()) == .internalError)
    #expect(message(for: unwritable) == "iccsim: cannot write out.csv: cannot create the file: permission denied")
  }
}

@Suite("Examples")
struct ExampleTests {
  @Test func validateAndInspectRuns() throws {
    let script = repositoryRoot.appendingPathComponent("examples/01-validate-and-inspect.sh")
    let result = try execute([script.path], executable: URL(fileURLWithPath: "/bin/bash"))
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("ok  scenarios/models/icc-default.yaml: model icc-default: 24 indicators"))
    #expect(result.stdout.contains("exit status: 65"))
    #expect(result.stderr.contains("broken.yaml:10:12: unknown indicator 'metro_kms'; did you mean 'metro_km'?"))
    #expect(result.stdout.contains("scenario tianjin-baseline: tianjin 2023+10"))
  }
}
