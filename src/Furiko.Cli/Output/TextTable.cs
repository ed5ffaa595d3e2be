namespace Furiko.Cli.Output;

/// <summary>
/// A table laid out as kubectl does: upper-case headers, columns left-aligned and separated by three spaces, no
/// trailing spaces. Widths are measured on the plain text, so a painted cell does not shift its neighbours. Not
/// thread-safe.
/// </summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<(string Text, TextColour Colour)[]> _rows = [];

    /// <summary>Creates a table with its column headers.</summary>
    /// <param name="headers">The headers, for example <c>NAME</c>, <c>PHASE</c>.</param>
    public TextTable(params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _headers = headers;
    }

    /// <summary>Adds a row of plain cells.</summary>
    /// <param name="cells">One cell per column.</param>
    public void Add(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        Add(cells.Select(cell => (cell, TextColour.None)).ToArray());
    }

    /// <summary>Adds a row whose cells may be painted.</summary>
    /// <param name="cells">One cell per column, with its colour.</param>
    /// <exception cref="ArgumentException">The row has another number of cells than there are headers.</exception>
    public void Add(params (string Text, TextColour Colour)[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"A row has {cells.Length} cells; the table has {_headers.Length} columns.", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>Writes the table.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="style">Whether painted cells get colour.</param>
    public void WriteTo(TextWriter writer, TerminalStyle style)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(style);
        var widths = new int[_headers.Length];
        for (var column = 0; column < _headers.Length; column++)
        {
            widths[column] = Math.Max(_headers[column].Length, _rows.Count == 0 ? 0 : _rows.Max(row => row[column].Text.Length));
        }

        WriteRow(writer, style, _headers.Select(header => (header, TextColour.None)).ToArray(), widths);
        foreach (var row in _rows)
        {
            WriteRow(writer, style, row, widths);
        }
    }

    private static void WriteRow(TextWriter writer, TerminalStyle style, (string Text, TextColour Colour)[] cells, int[] widths)
    {
        for (var column = 0; column < cells.Length; column++)
        {
            var (text, colour) = cells[column];
            writer.Write(style.Paint(text, colour));
            if (column < cells.Length - 1)
            {
                writer.Write(new string(' ', widths[column] - text.Length + 3));
            }
        }

        writer.WriteLine();
    }
}
