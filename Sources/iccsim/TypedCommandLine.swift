/// The command as the user typed it, for the headers and `meta` of what a command writes:
/// `iccsim` and the arguments, each with a space or a quote in it quoted.
var typedCommandLine: String {
  (["iccsim"] + CommandLine.arguments.dropFirst()).map { argument in
    argument.contains(where: { $0 == " " || $0 == "\"" })
      ? "\"\(argument.replacingOccurrences(of: "\"", with: "\\\""))\"" : argument
  }.joined(separator: " ")
}
