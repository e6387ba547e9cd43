using System.Collections.Concurrent;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Domain.Appointments;
using GpConnect.Conformance.Specs.Domain.Foundations;
using GpConnect.Conformance.Specs.TestData;

namespace GpConnect.Conformance.Specs.Domain.Run;

/// <summary>
/// What one run shares across its scenarios so that it can be repeated night after night against a provider that keeps
/// its state: the registrable-patient pools, the bookings ledger and the bookings teardown could not cancel. One per run
/// (a singleton of the session), reported at the end of the run.
/// </summary>
public sealed class RunState(ConformanceSettings settings, GpConnectClient client, Uri serviceRoot, BookingLedger ledger)
{
    private readonly ConcurrentDictionary<string, RegistrablePatients> _pools = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<CleanupResult> _notCancelled = new();
    private readonly ConcurrentDictionary<string, DataConsumption> _consumed = new(StringComparer.Ordinal);

    public BookingLedger Ledger => ledger;

    /// <summary>The provider's service root, as the ledger records it.</summary>
    public string ServiceRoot => serviceRoot.ToString().TrimEnd('/');

    /// <summary>The run's pool for a role whose <c>nhsNumbers</c> lists registrable numbers.</summary>
    public RegistrablePatients PoolFor(string roleId, string list) => _pools.GetOrAdd(roleId, id =>
        new RegistrablePatients(id, RegistrableNumbers.Parse(list, $"testData:{id.Replace('.', ':')}:nhsNumbers"), RegistrablePatients.FindProbe(client)));

    /// <summary>Whether Find a patient returns the NHS number (null: the Find failed).</summary>
    public Task<bool?> IsRegisteredAsync(string nhsNumber, CancellationToken cancellationToken) =>
        RegistrablePatients.FindProbe(client)(nhsNumber, cancellationToken);

    /// <summary>The pools scenarios used in this run.</summary>
    public IReadOnlyCollection<RegistrablePatients> Pools => _pools.Values.ToList();

    /// <summary>Bookings teardown could not cancel (or could not confirm cancelled by reading them back).</summary>
    public IReadOnlyList<CleanupResult> NotCancelled => _notCancelled.ToList();

    /// <summary>What each scenario of this run actually used up, by scenario id.</summary>
    public IReadOnlyDictionary<string, DataConsumption> Consumed => new Dictionary<string, DataConsumption>(_consumed, StringComparer.Ordinal);

    /// <summary>Adds to what <paramref name="scenarioId"/> used up in this run.</summary>
    public void Consume(string scenarioId, DataConsumption what) =>
        _consumed.AddOrUpdate(scenarioId, what, (_, before) => before + what);

    /// <summary>A booking the provider confirmed (201): into the ledger, and its slots counted as what the scenario used up.</summary>
    public void Booked(string appointmentId, string scenarioId, IReadOnlyList<string> slots)
    {
        ledger.RecordBooked(ServiceRoot, appointmentId, scenarioId, slots);
        Consume(scenarioId, new DataConsumption(0, 0, Math.Max(1, slots.Count)));
    }

    /// <summary>A booking the provider confirmed (201) that the suite could not identify to cancel it.</summary>
    public void BookingNotIdentified(string scenario, IReadOnlyList<string> slots)
    {
        Consume(scenario, new DataConsumption(0, 0, Math.Max(1, slots.Count)));
        _notCancelled.Enqueue(new CleanupResult("(unknown id)", false,
            $"{scenario} booked {string.Join(", ", slots)}: the 201 had no body and no Location, and a retrieve did not find it; cancel it by hand"));
    }

    /// <summary>Records what teardown did: confirmed cancellations go to the ledger, the rest to <see cref="NotCancelled"/>.</summary>
    public void TeardownDone(IEnumerable<CleanupResult> results)
    {
        foreach (var result in results)
        {
            if (result.Cleaned) ledger.RecordCancelled(ServiceRoot, result.AppointmentId);
            else _notCancelled.Enqueue(result);
        }
    }

    /// <summary>Name/value pairs for the end of the report: pool sizes left, data-exhausted skips, bookings left behind.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Summary(IReadOnlyList<ScenarioResult> scenarios)
    {
        var lines = new List<KeyValuePair<string, string>>();
        foreach (var pool in Pools.OrderBy(p => p.RoleId, StringComparer.Ordinal))
            lines.Add(new("registrableNumbersLeft", $"{pool.Key}: {pool.Remaining?.ToString() ?? "?"} of {pool.Size} left after this run (this run used {pool.UsedThisRun})"));
        var exhausted = scenarios.Count(s => s.Status == ScenarioStatus.Skipped && DataExhausted.IsReason(s.Message));
        lines.Add(new("skippedForUsedUpData", exhausted.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var consumed = Consumed;
        lines.Add(new("dataConsumed", DataConsumption.Sum(consumed.Values).ToString()));
        // Each scenario that passed must have used up exactly what its tags declare, or --check-data's runs-supported drifts.
        var drift = scenarios
            .Where(s => s.Status is ScenarioStatus.Passed or ScenarioStatus.Warning)
            .Select(s => (s.Scenario.Id, Declared: DataConsumption.Declared(s.Scenario.Tags), Actual: consumed.GetValueOrDefault(s.Scenario.Id) ?? DataConsumption.None))
            .Where(x => x.Declared != x.Actual)
            .Select(x => $"{x.Id} used up {x.Actual} but declares {x.Declared} (@consumes-… tags)")
            .ToList();
        lines.Add(new("consumptionNotAsDeclared", drift.Count == 0 ? "none" : string.Join("\n", drift)));
        var left = NotCancelled;
        lines.Add(new("bookingsNotCancelled", left.Count == 0
            ? "none"
            : string.Join("\n", left.Select(r => $"Appointment/{r.AppointmentId}: {r.Detail}"))));
        if (settings.Provider.AllowWrites && ledger.Path is not null) lines.Add(new("bookingsLedger", ledger.Path));
        return lines;
    }
}
