using System.Text.Json.Nodes;
using GpConnect.Conformance.Client;

namespace GpConnect.Conformance.Specs.Domain.Appointments;

/// <summary>Appointments a scenario booked (per scenario), so teardown can cancel every one of them.</summary>
public sealed class BookedAppointments
{
    private readonly List<string> _ids = [];

    public IReadOnlyList<string> Ids => _ids;

    /// <summary>Records a successful booking.</summary>
    public void Add(string id)
    {
        if (!_ids.Contains(id)) _ids.Add(id);
    }
}

/// <summary>What teardown did with one booked appointment.</summary>
public sealed record CleanupResult(string AppointmentId, bool Cleaned, string Detail);

/// <summary>
/// Cancels appointments a scenario booked, so runs against a real provider leave nothing behind: read the appointment, and
/// unless it is already cancelled, cancel it with If-Match, then read it back: only a read that says "cancelled" counts as
/// cleaned. Uses the client directly, so the scenario's last response is kept.
/// </summary>
public static class AppointmentCleanup
{
    public const string Reason = "Cancelled by GP Connect Conformance teardown (automated test booking)";

    public static async Task<IReadOnlyList<CleanupResult>> CancelAllAsync(GpConnectClient client, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var results = new List<CleanupResult>();
        foreach (var id in ids) results.Add(await CancelAsync(client, id, cancellationToken).ConfigureAwait(false));
        return results;
    }

    private static async Task<CleanupResult> CancelAsync(GpConnectClient client, string id, CancellationToken cancellationToken)
    {
        try
        {
            var read = await client.SendAsync(AppointmentRequests.Read(id), cancellationToken).ConfigureAwait(false);
            if (read.StatusCode != 200)
                return new(id, false, $"read answered {Describe(read)}");
            var appointment = JsonNode.Parse(read.ResponseBody) as JsonObject;
            if (appointment is null) return new(id, false, "read returned a body that is not a JSON object");
            if (appointment["status"]?.GetValue<string>() == "cancelled") return new(id, true, "already cancelled");
            var cancel = await client.SendAsync(
                AppointmentRequests.Cancel(id, AppointmentEdits.Cancelled(appointment, Reason), read.ResponseHeader("ETag")), cancellationToken).ConfigureAwait(false);
            if (cancel.StatusCode != 200) return new(id, false, $"cancel answered {Describe(cancel)}");
            var check = await client.SendAsync(AppointmentRequests.Read(id), cancellationToken).ConfigureAwait(false);
            var status = check.StatusCode == 200 ? (JsonNode.Parse(check.ResponseBody) as JsonObject)?["status"]?.GetValue<string>() : null;
            return status == "cancelled"
                ? new(id, true, "cancelled (read back: cancelled)")
                : new(id, false, "cancel answered 200 but reading it back " + (check.StatusCode == 200 ? $"gives status '{status}'" : $"answered {Describe(check)}"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new(id, false, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static string Describe(HttpExchange exchange) =>
        exchange.HasResponse ? $"HTTP {exchange.StatusCode}" : $"nothing ({exchange.TransportError})";
}
