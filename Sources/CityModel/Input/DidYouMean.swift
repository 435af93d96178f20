/// The closest of `candidates` to a misspelt `name`, when one is close enough to be a likely
/// typo: a Levenshtein distance of at most a third of the candidate's length (at least 1).
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

/// Levenshtein distance over characters (insertions, deletions and substitutions cost 1).
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a), b = Array(b)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
