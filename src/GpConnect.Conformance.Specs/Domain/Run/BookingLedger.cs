using System.Text.Json;
using System.Text.Json.Serialization;

namespace GpConnect.Conformance.Specs.Domain.Run;

/// <summary>One line of the bookings ledger.</summary>
public sealed record LedgerEntry
{
    /// <summary>"booked" or "cancelled".</summary>
    [JsonPropertyName("event")] public required string Event { get; init; }
    [JsonPropertyName("at")] public required DateTimeOffset At { get; init; }
    [JsonPropertyName("serviceRoot")] public required string ServiceRoot { get; init; }
    [JsonPropertyName("appointmentId")] public required string AppointmentId { get; init; }
    [JsonPropertyName("run")] public string? Run { get; init; }
    [JsonPropertyName("scenario")] public string? Scenario { get; init; }
    [JsonPropertyName("slots")] public IReadOnlyList<string>? Slots { get; init; }
}

/// <summary>
/// Every appointment a run books, written the moment the provider confirms it, and every confirmed cancellation, as JSON
/// lines appended to <c>bookings-ledger.jsonl</c> in the reports folder. A run stopped by Ctrl+C, SIGTERM, a crash or a
/// power cut therefore leaves a record of what it left booked; <c>run-tests.sh cleanup</c> cancels those later. Appending
/// (never rewriting) keeps the file whole whatever happens to the process. Without a file (xUnit feature tests) it only
/// keeps the entries in memory.
/// </summary>
public sealed class BookingLedger(string? path, string runId)
{
    public const string FileName = "bookings-ledger.jsonl";
    public const string Booked = "booked";
    public const string Cancelled = "cancelled";

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly Lock _gate = new();
    private readonly List<LedgerEntry> _entries = [];

    public string? Path => path;
    public string RunId => runId;

    /// <summary>Entries this process wrote.</summary>
    public IReadOnlyList<LedgerEntry> Entries { get { lock (_gate) return _entries.ToList(); } }

    public void RecordBooked(string serviceRoot, string appointmentId, string? scenario, IReadOnlyList<string> slots) =>
        Append(new LedgerEntry { Event = Booked, At = DateTimeOffset.UtcNow, ServiceRoot = serviceRoot, AppointmentId = appointmentId, Run = runId, Scenario = scenario, Slots = slots });

    public void RecordCancelled(string serviceRoot, string appointmentId) =>
        Append(new LedgerEntry { Event = Cancelled, At = DateTimeOffset.UtcNow, ServiceRoot = serviceRoot, AppointmentId = appointmentId, Run = runId });

    private void Append(LedgerEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
            if (path is null) return;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            using var writer = new StreamWriter(stream);
            writer.WriteLine(JsonSerializer.Serialize(entry, Json));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Every entry of a ledger file (lines that cannot be read are reported in <paramref name="problems"/>).</summary>
    public static IReadOnlyList<LedgerEntry> Read(string path, List<string> problems)
    {
        var entries = new List<LedgerEntry>();
        if (!File.Exists(path)) return entries;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                if (JsonSerializer.Deserialize<LedgerEntry>(line, Json) is { } entry) entries.Add(entry);
            }
            catch (JsonException e)
            {
                problems.Add($"{path}:{number}: not a ledger entry ({e.Message})");
            }
        }
        return entries;
    }

    /// <summary>Appointments booked at <paramref name="serviceRoot"/> with no cancellation recorded after the booking, oldest first.</summary>
    public static IReadOnlyList<LedgerEntry> Outstanding(IEnumerable<LedgerEntry> entries, string serviceRoot)
    {
        var open = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => string.Equals(e.ServiceRoot.TrimEnd('/'), serviceRoot.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
        {
            if (entry.Event == Booked) open[entry.AppointmentId] = entry;
            else if (entry.Event == Cancelled) open.Remove(entry.AppointmentId);
        }
        return open.Values.OrderBy(e => e.At).ToList();
    }
}
