using System.Globalization;
using System.Text;

namespace Qonys.Engines.Demography;

/// <summary>A parsed comma-separated table (header row, RFC 4180 quoting, '.' decimals).</summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(Dictionary<string, int> columns, List<string[]> rows)
    {
        _columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<string[]> Rows { get; }

    public static CsvTable Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? throw new FormatException("CSV input is empty.");
        var names = SplitLine(header.TrimStart('\uFEFF'));
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++) columns[names[i]] = i;
        var rows = new List<string[]>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            rows.Add(SplitLine(line));
        }
        return new CsvTable(columns, rows);
    }

    public int Column(string name) =>
        _columns.TryGetValue(name, out var i) ? i : throw new FormatException($"CSV column '{name}' is missing.");

    public static string Text(string[] row, int column) => column < row.Length ? row[column] : "";

    /// <summary>The number in a cell; NaN when the cell is empty.</summary>
    public static double Number(string[] row, int column)
    {
        var text = Text(row, column);
        if (text.Length == 0) return double.NaN;
        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public static int Integer(string[] row, int column) =>
        int.Parse(Text(row, column), NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static string[] SplitLine(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells.ToArray();
    }
}
