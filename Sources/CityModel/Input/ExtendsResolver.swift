/// Resolves `extends:` in scenario files: a file's tree merged over its parent's, recursively.
///
/// Merge rules (docs/file-formats.md, "Scenario files", `extends`):
/// - mappings merge key by key, the child's value winning (and merged further when both are mappings);
/// - a distribution whose family changes is replaced whole, not merged;
/// - lists whose items all carry an `id` merge by id: an item with a new id is appended, an item
///   with a known id is merged into the parent's item, and `{id: x, remove: true}` drops it;
/// - any other list, and any other value, is replaced by the child's.
enum ExtendsResolver {
  /// The merged tree of `file` and its ancestors, recording every file read in `files`.
  static func load(
    _ file: SourceFile, referencedAt reference: SourceLocation? = nil, diagnostics: Diagnostics,
    files: inout [SourceFile], chain: [SourceFile] = []
  ) -> YAMLTree? {
    files.append(file)
    guard let tree = YAMLTree.load(file, referencedAt: reference, diagnostics: diagnostics) else { return nil }
    if let reference, !isMapping(tree) {
      // The top file's reader says what it expected; a parent is checked here, or merging over
      // it would silently drop it.
      diagnostics.error(
        "\(file.displayPath) is not a scenario file: expected a YAML mapping, found \(tree.kindDescription)",
        at: reference)
      return nil
    }
    guard case .mapping(var mapping) = tree, let index = mapping.entries.firstIndex(where: { $0.key.text == "extends" })
    else {
      return tree
    }
    let extendsTree = mapping.entries[index].value
    mapping.entries.remove(at: index)
    let child = YAMLTree.mapping(mapping)
    guard let path = diagnostics.text(extendsTree, what: "the path of the scenario this one extends") else {
      return child
    }
    let parentFile = extendsTree.location.file.resolving(path)
    if let start = (chain + [file]).firstIndex(where: { $0.url == parentFile.url }) {
      let loop = (chain + [file])[start...].map(\.displayPath) + [parentFile.displayPath]
      diagnostics.error("an extends loop: \(loop.joined(separator: " → "))", at: extendsTree.location)
      return child
    }
    guard
      let parent = load(
        parentFile, referencedAt: extendsTree.location, diagnostics: diagnostics, files: &files, chain: chain + [file])
    else {
      return child
    }
    return merge(parent, child, diagnostics: diagnostics)
  }

  static func merge(_ parent: YAMLTree, _ child: YAMLTree, diagnostics: Diagnostics) -> YAMLTree {
    switch (parent, child) {
    case let (.mapping(base), .mapping(over)):
      if isDistribution(base), isDistribution(over), base.entries[0].key.text != over.entries[0].key.text {
        return child
      }
      var entries = base.entries
      for entry in over.entries {
        if let position = entries.firstIndex(where: { $0.key.text == entry.key.text }) {
          entries[position] = YAMLMapping.Entry(
            key: entry.key, value: merge(entries[position].value, entry.value, diagnostics: diagnostics))
        } else {
          entries.append(entry)
        }
      }
      return .mapping(YAMLMapping(entries: entries, location: over.location))
    case let (.sequence(base), .sequence(over)):
      guard let baseIds = ids(of: base), let overIds = ids(of: over) else { return child }
      var items = Array(zip(baseIds, base.items))
      for (id, item) in zip(overIds, over.items) {
        let position = items.firstIndex { $0.0 == id }
        if case .mapping(let mapping) = item, let removeTree = mapping["remove"] {
          guard diagnostics.boolean(removeTree) == true else { continue }
          if let position {
            items.remove(at: position)
          } else {
            diagnostics.error(
              "nothing to remove: no item with id '\(id)' in the scenario this one extends", at: removeTree.location)
          }
        } else if let position {
          items[position] = (id, merge(items[position].1, item, diagnostics: diagnostics))
        } else {
          items.append((id, item))
        }
      }
      return .sequence(YAMLSequence(items: items.map(\.1), location: over.location))
    default:
      return child
    }
  }

  /// The `id` of every item, or nil when some item has none (such lists are replaced, not merged).
  private static func ids(of sequence: YAMLSequence) -> [String]? {
    var ids: [String] = []
    for item in sequence.items {
      guard case .mapping(let mapping) = item, case .scalar(let id)? = mapping["id"] else { return nil }
      ids.append(id.text)
    }
    return ids
  }

  private static func isMapping(_ tree: YAMLTree) -> Bool {
    if case .mapping = tree { return true }
    return false
  }

  private static func isDistribution(_ mapping: YAMLMapping) -> Bool {
    mapping.entries.count == 1 && distributionFamilies[mapping.entries[0].key.text] != nil
  }
}
