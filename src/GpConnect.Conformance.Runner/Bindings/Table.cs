namespace GpConnect.Conformance.Runner;

/// <summary>A Gherkin data table passed as the last argument of a step method (Reqnroll-shaped).</summary>
public sealed class Table
{
    private readonly List<TableRow> _rows = [];

    public Table(params string[] header)
    {
        if (header.Length == 0) throw new ArgumentException("A table needs at least one column.", nameof(header));
        Header = header;
    }

    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<TableRow> Rows => _rows;
    public int RowCount => _rows.Count;

    public void AddRow(params string[] cells)
    {
        if (cells.Length != Header.Count)
            throw new ArgumentException($"Row has {cells.Length} cells but the table has {Header.Count} columns.", nameof(cells));
        _rows.Add(new TableRow(this, cells));
    }

    public bool ContainsColumn(string column) => Header.Contains(column, StringComparer.Ordinal);

    internal int IndexOf(string column)
    {
        for (var i = 0; i < Header.Count; i++)
            if (string.Equals(Header[i], column, StringComparison.Ordinal)) return i;
        throw new KeyNotFoundException($"The table has no column '{column}'. Columns: {string.Join(", ", Header)}.");
    }

    public override string ToString() =>
        string.Join(Environment.NewLine, new[] { Header }.Concat(_rows.Select(r => (IReadOnlyList<string>)r.Cells))
            .Select(cells => "| " + string.Join(" | ", cells) + " |"));
}

/// <summary>One row of a <see cref="Table"/>, readable by column name.</summary>
public sealed class TableRow(Table table, IReadOnlyList<string> cells)
{
    public IReadOnlyList<string> Cells { get; } = cells;
    public string this[string column] => Cells[table.IndexOf(column)];
    public string this[int index] => Cells[index];
    public bool TryGetValue(string column, out string value)
    {
        if (table.ContainsColumn(column)) { value = this[column]; return true; }
        value = string.Empty;
        return false;
    }
}
