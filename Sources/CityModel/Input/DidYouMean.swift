/// The closest of `candidates` to a misspelt `name`, when one is close enough to be a likely
/// typo: an edit distance of at most a third of the candidate's length (at least 1).
func closestMatch(to name: String, among candidates: some Sequence<String>) -> String? {
  var best: (candidate: String, distance: Int)?
  for candidate in candidates {
    let distance = editDistance(name, candidate)
    guard distance <= max(1, candidate.count / 3) else { continue }
    if best == nil || distance < best!.distance { best = (candidate, distance) }
  }
  return best?.candidate
}

/// "; did you mean 'x'?" when a candidate is close, else "".
func didYouMean(_ name: String, among candidates: some Sequence<String>) -> String {
  closestMatch(to: name, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
}

/// Edit distance over characters counting insertions, deletions, substitutions and swaps of two
/// neighbours as 1 each (optimal string alignment), so `sede` is one edit from `seed`.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a), b = Array(b)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
  for i in 0...a.count { table[i][0] = i }
  for j in 0...b.count { table[0][j] = j }
  for i in 1...a.count {
    for j in 1...b.count {
      table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
        table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
      }
    }
  }
  return table[a.count][b.count]
}
