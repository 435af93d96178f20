internal import CYaml

/// A check of a YAML document's shape made with libyaml's event parser before the document is
/// composed into nodes: composing recurses once per level of nesting and copies every alias,
/// so a document of 100,000 `[` would overflow the stack and a few nested aliases ("billion
/// laughs") would expand past any memory. The event parser itself keeps no recursion.
enum YAMLShape {
  /// The first place where the document nests deeper than `maximumDepth` or expands (through
  /// aliases) to more than `maximumNodes` nodes, with what is wrong; nil when within bounds or
  /// when the text is not well-formed YAML (the composer then reports the syntax error).
  static func firstExcess(
    in text: String, maximumDepth: Int = InputLimits.yamlDepth, maximumNodes: Int = InputLimits.yamlNodes
  ) -> (line: Int, column: Int, message: String)? {
    let depthMessage = "mappings and lists are nested more than \(maximumDepth) levels deep"
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) != 0 else { return nil }
    defer { yaml_parser_delete(&parser) }
    var utf8 = Array(text.utf8)
    return utf8.withUnsafeMutableBufferPointer { buffer in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      // Open collections: the anchor each declares and the node count when it opened.
      var open: [(anchor: String?, nodesBefore: Int)] = []
      var anchoredSizes: [String: Int] = [:]
      var nodes = 0
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) != 0 else {
          // libyaml's own nesting limit can trip first: its scanner reads flow brackets ahead
          // of the events. Any other syntax error is left to the composer to report.
          guard let problem = parser.problem, String(cString: problem).contains("nesting level") else { return nil }
          return (Int(parser.problem_mark.line) + 1, Int(parser.problem_mark.column) + 1, depthMessage)
        }
        defer { yaml_event_delete(&event) }
        let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
        switch event.type {
        case YAML_STREAM_END_EVENT:
          return nil
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
          let anchor =
            event.type == YAML_SEQUENCE_START_EVENT
            ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
          open.append((anchor.map { String(cString: $0) }, nodes))
          nodes += 1
          if open.count > maximumDepth {
            return (line, column, depthMessage)
          }
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
          if let closed = open.popLast(), let anchor = closed.anchor {
            anchoredSizes[anchor] = nodes - closed.nodesBefore
          }
        case YAML_SCALAR_EVENT:
          nodes += 1
          if let anchor = event.data.scalar.anchor { anchoredSizes[String(cString: anchor)] = 1 }
        case YAML_ALIAS_EVENT:
          nodes += event.data.alias.anchor.map { anchoredSizes[String(cString: $0)] ?? 1 } ?? 1
        default:
          break
        }
        if nodes > maximumNodes {
          return (line, column, "the document expands to more than \(maximumNodes) values (aliases included)")
        }
      }
    }
  }
}
