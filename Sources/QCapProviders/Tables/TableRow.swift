/// One data record of a table (a CSV record or a sheet row).
public struct TableRow: Sendable, Equatable {
    /// 1-based physical line where a CSV record starts (a quoted field may continue on later lines); for a sheet,
    /// the sheet's own row number (the `17` of `D17`).
    public let line: Int
    /// 1-based data row number, header and skipped blank rows excluded.
    public let number: Int
    /// Raw field values, untrimmed; may be fewer than the header's columns, never more. For a sheet, field `i` is
    /// column `i` (A = 0), so a cell reference can always be rebuilt.
    public let fields: [String]

    public init(line: Int, number: Int, fields: [String]) {
        self.line = line
        self.number = number
        self.fields = fields
    }

    /// The field at `i`, or nil when the row is shorter (never traps).
    public subscript(_ i: Int) -> String? {
        fields.indices.contains(i) ? fields[i] : nil
    }
}
