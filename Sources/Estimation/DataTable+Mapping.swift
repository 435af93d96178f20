import CityModel

extension DataTable {
  /// The table with each catalogue id in `ids` readable under its own name: a mapped panel
  /// column is exposed under the catalogue id (a column already named so is set aside, the
  /// mapping says which figure is meant). A mapped column the panel lacks is an error naming it,
  /// with the closest column name.
  public func mapped(by mapping: PanelMapping, ids: [String]) throws -> DataTable {
    var names = columnNames
    var cells = self.cells
    var provenanceColumns = Array(columnNames.indices)
    var conflicts = unresolvedDuplicates
    for id in ids {
      let column = mapping.column(for: id)
      guard column != id else { continue }
      guard let source = columnNames.firstIndex(of: column) else {
        throw EstimationError.unknownColumn(
          name: column, suggestion: ClosestName.find(column, among: columnNames),
          file: mapping.file.map { "\(file) (mapped from \(id) by \($0))" } ?? file)
      }
      if let shadowed = names.firstIndex(of: id) { names[shadowed] = "\u{1}unmapped:" + id }
      names.append(id)
      conflicts[cells.count] = unresolvedDuplicates[source]
      cells.append(self.cells[source])
      provenanceColumns.append(source)
    }
    let provenance: Provenance =
      switch self.provenance {
      case .wide: self.provenance
      case let .pivoted(cellLines, valueField):
        .pivoted(cellLines: provenanceColumns.map { cellLines[$0] }, valueField: valueField)
      }
    return DataTable(
      file: file, columnNames: names, cells: cells, provenance: provenance, unresolvedDuplicates: conflicts)
  }

  /// The rows whose `year` is at most `year` (rows without a readable year are dropped too).
  public func rows(until year: Int) throws -> DataTable {
    let years = try numbers("year")
    let keep = years.indices.filter { years[$0].map { $0 <= Double(year) } ?? false }
    return selecting(rows: keep)
  }

  /// The rows whose `year` is not in `years` (rows without a readable year are kept).
  public func rows(excludingYears years: Set<Int>) throws -> DataTable {
    let values = try numbers("year")
    return selecting(rows: values.indices.filter { values[$0].map { !years.contains(Int($0)) } ?? true })
  }

  /// The table restricted to `rows`, in that order.
  func selecting(rows keep: [Int]) -> DataTable {
    let provenance: Provenance =
      switch self.provenance {
      case let .wide(rowLines): .wide(rowLines: keep.map { rowLines[$0] })
      case let .pivoted(cellLines, valueField):
        .pivoted(cellLines: cellLines.map { lines in keep.map { lines[$0] } }, valueField: valueField)
      }
    return DataTable(
      file: file, columnNames: columnNames, cells: cells.map { column in TextColumn(keep.map { column[$0] }) },
      provenance: provenance, unresolvedDuplicates: unresolvedDuplicates)
  }
}
