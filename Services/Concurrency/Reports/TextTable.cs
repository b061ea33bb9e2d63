using System.Text;

namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>An aligned plain-text table for terminals: text left, numbers right.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public TextTable Add(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public override string ToString()
    {
        var widths = headers.Select((header, column) =>
            _rows.Select(row => column < row.Length ? row[column].Length : 0).Prepend(header.Length).Max()).ToArray();
        var text = new StringBuilder();
        Line(text, headers, widths);
        text.AppendLine(string.Join("  ", widths.Select(width => new string('-', width))));
        foreach (var row in _rows)
            Line(text, row, widths);
        return text.ToString();
    }

    private static void Line(StringBuilder text, string[] cells, int[] widths)
    {
        var padded = widths.Select((width, column) =>
        {
            var cell = column < cells.Length ? cells[column] : "";
            return IsNumber(cell) ? cell.PadLeft(width) : cell.PadRight(width);
        });
        text.AppendLine(string.Join("  ", padded).TrimEnd());
    }

    private static bool IsNumber(string cell) =>
        cell.Length > 0 && (char.IsAsciiDigit(cell[0]) || (cell[0] == '-' && cell.Length > 1)) && cell.All(c => char.IsAsciiDigit(c) || c is '.' or ',' or '-' or '%' or 'x');
}
