import Foundation
import Testing
import QCapCore
import QCapProviders

/// How tables name their places: CSV keeps lines and rows, a sheet names cells; provenance follows.
@Suite struct TablePlacesTests {
    @Test func columnNamesInA1Notation() {
        #expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(TablePlaces.columnName)
                == ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD"])
        #expect(TablePlaces.reference(column: 3, row: 17) == "D17")
        #expect(TablePlaces.columnName(-5) == "A")
    }

    @Test func csvPlacesKeepLinesAndRows() {
        let places = TablePlaces(file: "certificates.csv", headerLine: 1, cells: false)
        let row = TableRow(line: 17, number: 16, fields: [])
        #expect(places.header == .line(1))
        #expect(places.row(row) == .row(16, line: 17))
        #expect(places.cell(column: 3, named: "证书状态", in: row) == .column("证书状态", row: 16, line: 17))
        let provenance = places.provenance(provider: "cnca-registry", row: row, column: 3, source: .registry)
        #expect(provenance.citation == "certificates.csv:17 row 16")
        #expect(provenance.cell == nil)
    }

    @Test func sheetPlacesNameCells() {
        let places = TablePlaces(file: "certificates.xlsx[证书]", headerLine: 2, cells: true)
        let row = TableRow(line: 17, number: 15, fields: [])
        #expect(places.header == .cell("A2", column: nil, row: nil))
        #expect(places.header(column: 4, named: "证书状态") == .cell("E2", column: "证书状态", row: nil))
        let error = InputError(file: places.file, location: places.cell(column: 3, named: "颁证日期", in: row),
                               message: "cannot read \"明年\"", expected: "a date")
        #expect(error.description == "certificates.xlsx[证书]!D17: column \"颁证日期\": cannot read \"明年\" (row 15); expected a date")
        let provenance = places.provenance(provider: "cnca-registry", row: row, column: 3, source: .registry)
        #expect(provenance.citation == "certificates.xlsx[证书]!D17")
        #expect(provenance.line == nil && provenance.row == 15)
    }
}
