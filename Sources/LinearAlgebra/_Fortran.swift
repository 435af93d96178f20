// Fortran plumbing shared by every LAPACK/BLAS wrapper in this module: INTEGER conversion with an
// overflow check, leading dimensions, the `info < 0` convention, finiteness checks, and the
// two-call workspace query. Nothing here is public; no pointer leaves this module.

import CLAPACK

/// Converts a size to the 32-bit Fortran INTEGER that reference LAPACK takes.
func fortranInt(_ value: Int, routine: String) throws(LinearAlgebraError) -> Int32 {
  guard let converted = Int32(exactly: value) else {
    throw .dimensionTooLarge(routine: routine, dimension: value)
  }
  return converted
}

/// The leading dimension LAPACK requires for an array with `rows` rows: max(1, rows).
func leadingDimension(_ rows: Int, routine: String) throws(LinearAlgebraError) -> Int32 {
  try fortranInt(Swift.max(1, rows), routine: routine)
}

/// Stops on a negative `info`: LAPACK reports that argument number −info was illegal, which can
/// only be a defect in the wrapper that called it.
func requireLegalArguments(_ info: Int32, routine: String) {
  precondition(info >= 0, "\(routine): argument \(-info) is illegal (a defect in LinearAlgebra)")
}

/// Throws `.nonFinite` unless every element is a finite number.
func requireFinite(_ values: [Double], operation: String) throws(LinearAlgebraError) {
  for value in values where !value.isFinite {
    throw .nonFinite(operation: operation)
  }
}

/// The machine epsilon LAPACK uses: the relative spacing of doubles, 2⁻⁵².
let machineEpsilon = Double.ulpOfOne

/// Real and integer workspace for one LAPACK call.
struct Workspace {
  var real: [Double]
  var integer: [Int32]
  /// The lengths passed as LWORK and LIWORK.
  var realCount: Int32 { Int32(real.count) }
  var integerCount: Int32 { Int32(integer.count) }
}

/// Calls a LAPACK routine twice: first with LWORK = LIWORK = −1, which only reports the optimal
/// workspace in WORK(1) (and, for routines that have one, IWORK(1)); then with workspace of that
/// size. `minimumIntegerCount` covers routines whose IWORK length is fixed by the dimensions
/// rather than reported. `call` receives the workspace and the LWORK/LIWORK to pass, and returns
/// INFO; a negative INFO from either call stops the program.
func callWithWorkspace(
  _ routine: String, minimumIntegerCount: Int = 0,
  _ call: (_ workspace: inout Workspace, _ lwork: Int32, _ liwork: Int32) -> Int32
) throws(LinearAlgebraError) -> Int32 {
  var query = Workspace(real: [0], integer: [0])
  requireLegalArguments(call(&query, -1, -1), routine: routine)
  // WORK(1) is a double; round up so a value like 1.0e9 − ε still yields enough room.
  let optimalReal = query.real[0].rounded(.up)
  guard optimalReal < Double(Int32.max) else {
    throw .dimensionTooLarge(routine: routine, dimension: Int(optimalReal))
  }
  let realCount = Swift.max(1, Int(optimalReal))
  let integerCount = Swift.max(1, minimumIntegerCount, Int(query.integer[0]))
  _ = try fortranInt(integerCount, routine: routine)
  var workspace = Workspace(
    real: [Double](repeating: 0, count: realCount),
    integer: [Int32](repeating: 0, count: integerCount))
  let info = call(&workspace, workspace.realCount, workspace.integerCount)
  requireLegalArguments(info, routine: routine)
  return info
}

/// The Euclidean norm of `count` doubles starting at `offset`, by BLAS dnrm2 (which scales to
/// avoid overflow and underflow).
func euclideanNorm(_ values: [Double], offset: Int = 0, count: Int? = nil) -> Double {
  let length = count ?? values.count - offset
  guard length > 0 else { return 0 }
  var n = Int32(clamping: length)
  var increment: Int32 = 1
  precondition(Int(n) == length, "dnrm2: vector of \(length) elements is too long")
  return values.withUnsafeBufferPointer { buffer in
    dnrm2_(&n, buffer.baseAddress! + offset, &increment)
  }
}
