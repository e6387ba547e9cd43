using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;

namespace GpConnect.Conformance.Specs.TestData;

/// <summary>One role's line in the preflight table.</summary>
public sealed record PreflightResult(TestDataRole Role, bool Configured, RoleState? State)
{
    public bool Ready => Configured && (State?.Ready ?? true);
}

/// <summary>
/// Before any scenario runs, reads each configured role from the provider and reports, role by role, whether it exists
/// and is in the state the scenarios need. Stale or wrong test data is the commonest reason a supplier's run fails.
/// </summary>
public static class DataPreflight
{
    public static async Task<IReadOnlyList<PreflightResult>> RunAsync(GpConnectClient client, ConformanceSettings settings, CancellationToken cancellationToken = default)
    {
        var results = new List<PreflightResult>();
        foreach (var role in TestDataRoles.All)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in role.Fields)
                if (settings.TryGetTestData(role.Id, field, out var value)) values[field] = value;
            if (values.Count < role.Fields.Count)
            {
                results.Add(new PreflightResult(role, false, null));
                continue;
            }
            RoleState? state = null;
            if (role.Verify is not null)
            {
                try
                {
                    state = await role.Verify(new RoleProbe(client, settings, values, cancellationToken)).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    state = RoleState.Problem($"could not be checked: {e.Message}");
                }
            }
            results.Add(new PreflightResult(role, true, state));
        }
        return results;
    }

    /// <summary>The table printed by run-tests --check-data.</summary>
    public static string Render(IReadOnlyList<PreflightResult> results, ConformanceSettings settings)
    {
        var lines = new List<string> { $"Test data preflight ({settings.SourceFile}):" };
        var width = results.Count == 0 ? 10 : results.Max(r => r.Role.Id.Length);
        foreach (var r in results)
        {
            var status = !r.Configured ? "NOT CONFIGURED" : r.State is null ? "configured" : r.State.Ready ? "ready" : "PROBLEM";
            var detail = !r.Configured
                ? $"set {string.Join(", ", r.Role.Fields.Select(r.Role.KeyOf))} — {r.Role.Purpose}"
                : r.State?.Detail ?? r.Role.Purpose;
            lines.Add($"  {r.Role.Id.PadRight(width)}  {status,-14}  {detail}");
        }
        var ready = results.Count(r => r.Ready);
        lines.Add($"{ready} of {results.Count} roles ready.");
        return string.Join(Environment.NewLine, lines);
    }
}
