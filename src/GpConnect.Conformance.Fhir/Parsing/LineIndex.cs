namespace GpConnect.Conformance.Fhir.Parsing;

/// <summary>Maps byte offsets in a UTF-8 buffer to 1-based line and column numbers.</summary>
internal sealed class LineIndex
{
    private readonly List<int> _lineStarts = new() { 0 };

    public LineIndex(ReadOnlySpan<byte> utf8)
    {
        for (var i = 0; i < utf8.Length; i++)
            if (utf8[i] == (byte)'\n') _lineStarts.Add(i + 1);
    }

    public (int Line, int Column) At(long offset)
    {
        var idx = _lineStarts.BinarySearch((int)offset);
        if (idx < 0) idx = ~idx - 1;
        return (idx + 1, (int)offset - _lineStarts[idx] + 1);
    }
}
