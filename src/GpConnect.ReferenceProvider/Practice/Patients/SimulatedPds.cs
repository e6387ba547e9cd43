namespace GpConnect.ReferenceProvider.Practice.Patients;

/// <summary>The provider's PDS connection, simulated with fixed records (PDS Retrieval Query by NHS number).</summary>
internal sealed class SimulatedPds(IEnumerable<PdsRecord> records)
{
    private readonly IReadOnlyDictionary<string, PdsRecord> _records = records.ToDictionary(r => r.NhsNumber, StringComparer.Ordinal);

    /// <summary>The PDS record for the NHS number, or null when PDS has none.</summary>
    public PdsRecord? Retrieve(string nhsNumber) => _records.GetValueOrDefault(nhsNumber);
}
