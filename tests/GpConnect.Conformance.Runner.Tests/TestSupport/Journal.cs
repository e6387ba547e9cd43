namespace GpConnect.Conformance.Runner.Tests.TestSupport;

/// <summary>A run-level service the test bindings write to, so tests can see what ran and in which order.</summary>
public sealed class Journal
{
    private readonly List<string> _entries = [];
    private readonly List<object> _objects = [];

    public IReadOnlyList<string> Entries { get { lock (_entries) return _entries.ToList(); } }
    public IReadOnlyList<object> Objects { get { lock (_objects) return _objects.ToList(); } }

    public void Add(string entry) { lock (_entries) _entries.Add(entry); }
    public void Keep(object value) { lock (_objects) _objects.Add(value); }
}
