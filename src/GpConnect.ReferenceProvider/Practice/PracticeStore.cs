namespace GpConnect.ReferenceProvider.Practice;

/// <summary>
/// The practice's in-memory records. Readers get immutable snapshots; writers replace records under a lock,
/// so concurrent requests never observe a half-applied change.
/// </summary>
internal sealed class PracticeStore
{
    private readonly Lock _gate = new();
    private PracticeOrganization _organization;
    private readonly Dictionary<string, PracticeLocation> _locations;
    private readonly Dictionary<string, PracticePractitioner> _practitioners;
    private readonly Dictionary<string, PracticeSchedule> _schedules;
    private readonly Dictionary<string, PracticeSlot> _slots;

    public PracticeStore(PracticeOrganization organization, IEnumerable<PracticeLocation> locations,
        IEnumerable<PracticePractitioner> practitioners, IEnumerable<PracticeSchedule> schedules, IEnumerable<PracticeSlot> slots)
    {
        _organization = organization;
        _locations = locations.ToDictionary(l => l.Id, StringComparer.Ordinal);
        _practitioners = practitioners.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _schedules = schedules.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _slots = slots.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public PracticeOrganization Organization { get { lock (_gate) return _organization; } }

    public PracticeOrganization? FindOrganization(string id) { lock (_gate) return _organization.Id == id ? _organization : null; }

    public PracticeLocation? FindLocation(string id) { lock (_gate) return _locations.GetValueOrDefault(id); }

    public PracticePractitioner? FindPractitioner(string id) { lock (_gate) return _practitioners.GetValueOrDefault(id); }

    public IReadOnlyList<PracticePractitioner> PractitionersWithSdsUserId(string sdsUserId)
    {
        lock (_gate) return _practitioners.Values.Where(p => p.SdsUserId == sdsUserId).OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
    }

    public PracticeSchedule? FindSchedule(string id) { lock (_gate) return _schedules.GetValueOrDefault(id); }

    public IReadOnlyList<PracticeSchedule> Schedules { get { lock (_gate) return _schedules.Values.ToArray(); } }

    public PracticeSlot? FindSlot(string id) { lock (_gate) return _slots.GetValueOrDefault(id); }

    /// <summary>All slots matching <paramref name="predicate"/>, ordered by start then id.</summary>
    public IReadOnlyList<PracticeSlot> Slots(Func<PracticeSlot, bool> predicate)
    {
        lock (_gate)
        {
            return _slots.Values.Where(predicate)
                .OrderBy(s => s.Start).ThenBy(s => int.TryParse(s.Id, out var n) ? n : int.MaxValue).ThenBy(s => s.Id, StringComparer.Ordinal)
                .ToArray();
        }
    }

    /// <summary>Adds a slot that the diary sessions do not generate (e.g. a seeded Visit slot with a stable id).</summary>
    public void AddSlot(PracticeSlot slot)
    {
        lock (_gate)
        {
            if (!_slots.TryAdd(slot.Id, slot)) throw new InvalidOperationException($"Slot '{slot.Id}' already exists.");
        }
    }

    /// <summary>Replaces a slot (e.g. when it is booked), giving it a new version.</summary>
    public void ReplaceSlot(PracticeSlot slot)
    {
        lock (_gate)
        {
            if (!_slots.ContainsKey(slot.Id)) throw new KeyNotFoundException($"No slot '{slot.Id}' to replace.");
            _slots[slot.Id] = slot;
        }
    }
}
