/// A run of consecutive records of a scanned table, to read back with `TableRecords.rows(in:)`: where it starts and
/// how long it is in the table's own unit (bytes of a CSV file's UTF-8 text; rows of a sheet), and the line (or sheet
/// row) and data-row number of its first record. Blank records inside a run are skipped again when it is read.
///
/// Providers never look inside: they build a span from what `TableScanner.next()` returns (`offset`, `end - offset`)
/// and may extend it to a later record of the same scan (`length = end - offset`).
public struct TableSpan: Sendable, Equatable {
    public var offset: Int
    public var length: Int
    public var line: Int
    public var number: Int

    public init(offset: Int, length: Int, line: Int, number: Int) {
        self.offset = offset
        self.length = length
        self.line = line
        self.number = number
    }
}
