using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Qonys.Web.Modules.AnalyticalCentre.Exports;

/// <summary>
/// A table for download: a header row and rows of numbers, texts or empty cells, written as CSV (RFC 4180, UTF-8
/// with a byte-order mark so spreadsheet programs read Cyrillic names) or as an Excel workbook (OpenXml, one sheet,
/// inline strings, numbers as numbers).
/// </summary>
internal sealed record TableExport(
    string SheetName, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public byte[] ToCsv()
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', Headers.Select(Csv.Escape))).Append("\r\n");
        foreach (var row in Rows) sb.Append(string.Join(',', row.Select(v => Csv.Escape(Text(v))))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public byte[] ToXlsx()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(RowOf(1, Headers.Cast<object?>().ToList()));
            for (var i = 0; i < Rows.Count; i++) data.Append(RowOf((uint)(i + 2), Rows[i]));
            sheetPart.Worksheet = new Worksheet(new SheetViews(new SheetView(
                    new Pane
                    {
                        VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft,
                        State = PaneStateValues.Frozen,
                    })
                { WorkbookViewId = 0 }), data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet
            {
                Id = workbook.GetIdOfPart(sheetPart), SheetId = 1,
                Name = SheetName.Length > 31 ? SheetName[..31] : SheetName,
            });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    static Row RowOf(uint index, IReadOnlyList<object?> values)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Count; c++)
        {
            var reference = Column(c) + index.ToString(CultureInfo.InvariantCulture);
            row.Append(values[c] switch
            {
                null => new Cell { CellReference = reference },
                double d when double.IsFinite(d) => Number(reference, d.ToString("R", CultureInfo.InvariantCulture)),
                decimal m => Number(reference, m.ToString(CultureInfo.InvariantCulture)),
                int n => Number(reference, n.ToString(CultureInfo.InvariantCulture)),
                long l => Number(reference, l.ToString(CultureInfo.InvariantCulture)),
                var other => new Cell(new InlineString(new Text(Text(other))))
                {
                    CellReference = reference, DataType = CellValues.InlineString,
                },
            });
        }
        return row;
    }

    static Cell Number(string reference, string value) =>
        new(new CellValue(value)) { CellReference = reference, DataType = CellValues.Number };

    /// <summary>0 → "A", 25 → "Z", 26 → "AA".</summary>
    public static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
