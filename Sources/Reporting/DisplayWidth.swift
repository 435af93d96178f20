import CityModel

/// `text` padded with spaces to `width` display columns (CJK counting two), on the side that
/// `alignment` leaves free.
func padded(_ text: String, to width: Int, _ alignment: ReportTable.Alignment) -> String {
  CityModel.padded(text, to: width, alignRight: alignment == .right)
}
