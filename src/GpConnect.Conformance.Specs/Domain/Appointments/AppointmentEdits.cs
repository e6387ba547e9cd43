using System.Text.Json.Nodes;

namespace GpConnect.Conformance.Specs.Domain.Appointments;

/// <summary>
/// Edits a consumer makes to the representation it read, in place, before Amend or Cancel (the Appointment Management pages).
/// Each returns a changed copy; the original is never modified.
/// </summary>
public static class AppointmentEdits
{
    public static JsonObject WithDescription(JsonObject appointment, string description) => With(appointment, a => a["description"] = description);

    public static JsonObject WithComment(JsonObject appointment, string comment) => With(appointment, a => a["comment"] = comment);

    /// <summary>status = cancelled and the cancellation-reason extension with <paramref name="reason"/>.</summary>
    public static JsonObject Cancelled(JsonObject appointment, string reason) =>
        WithCancellationReason(With(appointment, a => a["status"] = "cancelled"), reason);

    /// <summary>Adds (or replaces) the cancellation-reason extension.</summary>
    public static JsonObject WithCancellationReason(JsonObject appointment, string reason) => With(appointment, a =>
    {
        var extensions = a["extension"] as JsonArray ?? new JsonArray();
        foreach (var old in extensions.OfType<JsonObject>().Where(e => e["url"]?.GetValue<string>() == AppointmentRequests.CancellationReasonUrl).ToList())
            extensions.Remove(old);
        extensions.Add(new JsonObject { ["url"] = AppointmentRequests.CancellationReasonUrl, ["valueString"] = reason });
        a["extension"] = extensions;
    });

    /// <summary>
    /// A change an Amend may not make, by name: "start" (an hour later), "end", "status" (to cancelled), "priority",
    /// "patient" (another patient participant), "slot" (a made-up extra slot).
    /// </summary>
    public static JsonObject WithForbiddenChange(JsonObject appointment, string element) => With(appointment, a =>
    {
        switch (element.Trim().ToLowerInvariant())
        {
            case "start": a["start"] = Shift(a["start"]?.GetValue<string>(), TimeSpan.FromHours(1)); break;
            case "end": a["end"] = Shift(a["end"]?.GetValue<string>(), TimeSpan.FromHours(1)); break;
            case "status": a["status"] = "cancelled"; break;
            case "priority": a["priority"] = 1; break;
            case "participant":
                (a["participant"] as JsonArray ?? []).Add(new JsonObject
                {
                    ["actor"] = new JsonObject { ["reference"] = "Practitioner/999999" },
                    ["status"] = "accepted",
                });
                break;
            default: throw new ArgumentException($"\"{element}\" is not a change this suite knows how to make: use start, end, status, priority or participant.");
        }
    });

    private static string? Shift(string? dateTime, TimeSpan by) =>
        DateTimeOffset.TryParse(dateTime, out var value) ? UkDateTimeText.Format(value + by) : dateTime;

    private static JsonObject With(JsonObject appointment, Action<JsonObject> edit)
    {
        var copy = (JsonObject)appointment.DeepClone();
        edit(copy);
        return copy;
    }
}
