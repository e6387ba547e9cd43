using GpConnect.Conformance.Client;
using GpConnect.Conformance.Specs.TestData;

namespace GpConnect.Conformance.Specs.Domain.Foundations;

/// <summary>
/// A run's view of one pool of registrable NHS numbers (e.g. <c>register.onPds</c>). Each registration takes the next
/// number that is neither used earlier in this run nor already registered at the practice, as a consumer can tell: Find a
/// patient by NHS number returns it. Numbers are taken in the configured order, so the numbers earlier runs registered form
/// a prefix of the pool; the first take finds where that prefix ends by bisection (a handful of Finds however many nights
/// have run), then every candidate is still checked with a Find before it is handed out.
/// </summary>
public sealed class RegistrablePatients(string roleId, IReadOnlyList<RegistrableNumber> numbers, Func<string, CancellationToken, Task<bool?>> isRegistered)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _usedThisRun = new(StringComparer.Ordinal);
    private int? _cursor;

    public string RoleId => roleId;

    /// <summary>How many numbers the pool lists.</summary>
    public int Size => numbers.Count;

    /// <summary>Numbers from the cursor on that this run has not used: what is left once the run ends (null before the first take).</summary>
    public int? Remaining => _cursor is { } c ? numbers.Skip(c).Count(n => !_usedThisRun.Contains(n.NhsNumber)) : null;

    /// <summary>How many numbers this run registered.</summary>
    public int UsedThisRun => _usedThisRun.Count;

    /// <summary>The config key of the pool.</summary>
    public string Key => $"testData:{roleId.Replace('.', ':')}:nhsNumbers";

    /// <summary>The next number not registered at the practice; skips the scenario (data used up) when none is left.</summary>
    public async Task<RegistrableNumber> TakeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _cursor ??= await FirstUnregisteredAsync(cancellationToken).ConfigureAwait(false);
            for (; _cursor < numbers.Count; _cursor++)
            {
                var candidate = numbers[_cursor.Value];
                if (_usedThisRun.Contains(candidate.NhsNumber)) continue;
                if (await isRegistered(candidate.NhsNumber, cancellationToken).ConfigureAwait(false) == true) continue;
                _usedThisRun.Add(candidate.NhsNumber);
                _cursor++;
                return candidate;
            }
            throw DataExhausted.Skip(
                $"every NHS number in {Key} ({numbers.Count}) is registered at the practice already or was used earlier in this run: " +
                "add numbers of PDS patients the practice does not hold (a range such as 9690100000-9690100999 is allowed).");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Gives back a number the provider did not register, so a later scenario of the run can use it.</summary>
    public void Release(string nhsNumber)
    {
        _gate.Wait();
        try
        {
            if (!_usedThisRun.Remove(nhsNumber)) return;
            var index = numbers.ToList().FindIndex(n => n.NhsNumber == nhsNumber);
            if (index >= 0 && _cursor is { } c && index < c) _cursor = index;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The index of the first number the practice has not registered, assuming earlier runs used the numbers in order
    /// (bisection over "is registered"); <see cref="Size"/> when all are.
    /// </summary>
    public async Task<int> FirstUnregisteredAsync(CancellationToken cancellationToken)
    {
        if (numbers.Count == 0 || await isRegistered(numbers[0].NhsNumber, cancellationToken).ConfigureAwait(false) != true) return 0;
        int low = 0, high = numbers.Count; // numbers[low] registered; numbers[high] (or the end) not
        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            if (await isRegistered(numbers[middle].NhsNumber, cancellationToken).ConfigureAwait(false) == true) low = middle;
            else high = middle;
        }
        return high;
    }

    /// <summary>"Registered at the practice" as a consumer can tell: Find a patient by NHS number returns a Patient (null: the Find failed).</summary>
    public static Func<string, CancellationToken, Task<bool?>> FindProbe(GpConnectClient client) => async (nhsNumber, cancellationToken) =>
    {
        var exchange = await client.SendAsync(FoundationsRequests.Find("patient", nhsNumber), cancellationToken).ConfigureAwait(false);
        if (exchange.StatusCode != 200) return null;
        return new ProviderResponse(exchange).BundleEntries("Patient").Count > 0;
    };
}
