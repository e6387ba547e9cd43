using System.Globalization;

namespace GpConnect.ReferenceProvider.Practice.Patients;

/// <summary>
/// The practice's patient index, safe under concurrent requests: reads see whole records, and a change (verification,
/// registration, re-activation) decides and saves under one lock, so two simultaneous registrations of the same NHS
/// number can never both succeed.
/// </summary>
internal sealed class PatientIndex
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PracticePatient> _byId;
    private int _nextId;

    public PatientIndex(IEnumerable<PracticePatient> patients)
    {
        _byId = patients.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _nextId = _byId.Keys.Select(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
    }

    /// <summary>The record with this logical id, or null.</summary>
    public PracticePatient? FindById(string id) { lock (_gate) return _byId.GetValueOrDefault(id); }

    /// <summary>The record holding this NHS number, or null.</summary>
    public PracticePatient? FindByNhsNumber(string nhsNumber)
    {
        lock (_gate) return _byId.Values.FirstOrDefault(p => p.NhsNumber == nhsNumber);
    }

    /// <summary>
    /// Decides a change for the record holding <paramref name="nhsNumber"/> (null when none) and saves what
    /// <paramref name="decide"/> returns, atomically. <c>newId</c> is the id a new record would take.
    /// </summary>
    public T Change<T>(string nhsNumber, Func<PracticePatient? /*existing*/, string /*newId*/, (PracticePatient? Save, T Result)> decide)
    {
        lock (_gate)
        {
            var existing = _byId.Values.FirstOrDefault(p => p.NhsNumber == nhsNumber);
            var newId = _nextId.ToString(CultureInfo.InvariantCulture);
            var (save, result) = decide(existing, newId);
            if (save is not null)
            {
                _byId[save.Id] = save;
                if (save.Id == newId) _nextId++;
            }
            return result;
        }
    }
}
