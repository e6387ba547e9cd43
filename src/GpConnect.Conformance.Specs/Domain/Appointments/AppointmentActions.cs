using System.Text.Json.Nodes;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;

namespace GpConnect.Conformance.Specs.Domain.Appointments;

/// <summary>
/// The Appointment Management calls a scenario makes through its <see cref="ConsumerSession"/> (so each is evidence and
/// becomes the last response), keeping <see cref="AppointmentContext"/> up to date: what was booked (also recorded in
/// <see cref="BookedAppointments"/> for teardown), the representation and ETag last returned, the previous version.
/// One per scenario.
/// </summary>
public sealed class AppointmentActions(
    ConsumerSession session, AppointmentContext context, BookedAppointments booked, ConformanceSettings settings, TimeProvider clock, TestData.TestDataService data)
{
    public const string CancellationReason = "Patient no longer needs the appointment";

    /// <summary>
    /// A valid booking of the slots the scenario chose, for its patient (the bookable-patient role unless a step chose
    /// another): the baseline every booking scenario sends or changes one thing in.
    /// </summary>
    public JsonObject BookingOfChosenSlots()
    {
        if (context.ChosenSlots.Count == 0) throw new InvalidOperationException("No slot has been chosen: a Given step must find free slots first.");
        context.PatientId ??= data.Require(TestData.TestDataRoles.Appointments.BookablePatient, "logicalId");
        return AppointmentRequests.Booking(context.ChosenSlots, context.PatientId, settings.Consumer, clock);
    }

    /// <summary>The description the last booking or amend sent.</summary>
    public string? SentDescription { get; private set; }

    /// <summary>The cancellation reason the scenario sent, when it is not the standard one.</summary>
    public string? SentReason { get; set; }

    /// <summary>The comment the last booking or amend sent.</summary>
    public string? SentComment { get; private set; }

    /// <summary>Searches a week from tomorrow as the configured consumer and keeps the free slots found (Visit slots never booked).</summary>
    public async Task<IReadOnlyList<FreeSlot>> FindFreeSlotsAsync(CancellationToken cancellationToken)
    {
        var response = await session.SendAsync(SlotSearch.FromTomorrow(7, clock, settings.Consumer).ToRequest(), cancellationToken).ConfigureAwait(false);
        context.FoundSlots = response.StatusCode == 200
            ? FreeSlot.FromSearch(response).Where(s => s.DeliveryChannel != "Visit" && s.StartInstant > clock.GetUtcNow()).ToList()
            : [];
        return context.FoundSlots;
    }

    /// <summary>Books <paramref name="appointment"/>; a 201 is recorded for teardown and becomes the current appointment.</summary>
    public async Task<ProviderResponse> BookAsync(JsonObject appointment, CancellationToken cancellationToken)
    {
        SentDescription = appointment["description"]?.GetValue<string>();
        SentComment = appointment["comment"]?.GetValue<string>();
        var response = await session.SendAsync(AppointmentRequests.Book(appointment), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == 201 && Body(response) is { } created && created["id"]?.GetValue<string>() is { } id)
        {
            booked.Add(id);
            context.AppointmentId = id;
            Keep(response, created);
        }
        return response;
    }

    public async Task<ProviderResponse> ReadAsync(string id, CancellationToken cancellationToken)
    {
        var response = await session.SendAsync(AppointmentRequests.Read(id), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == 200 && Body(response) is { } appointment) Keep(response, appointment);
        return response;
    }

    public Task<ProviderResponse> RetrieveAsync(GpConnectRequest request, CancellationToken cancellationToken) =>
        session.SendAsync(request, cancellationToken);

    /// <summary>Sends an amend of the edited representation with the current ETag (or <paramref name="eTag"/>).</summary>
    public Task<ProviderResponse> AmendAsync(JsonObject edited, CancellationToken cancellationToken, string? eTag = null)
    {
        SentDescription = edited["description"]?.GetValue<string>();
        SentComment = edited["comment"]?.GetValue<string>();
        return ChangeAsync(AppointmentRequests.Amend(context.RequireId(), edited, eTag ?? context.ETag), cancellationToken);
    }

    /// <summary>Sends a cancel of the edited representation with the current ETag (or <paramref name="eTag"/>).</summary>
    public Task<ProviderResponse> CancelAsync(JsonObject edited, CancellationToken cancellationToken, string? eTag = null) =>
        ChangeAsync(AppointmentRequests.Cancel(context.RequireId(), edited, eTag ?? context.ETag), cancellationToken);

    /// <summary>A fresh description, so a check can tell the amended text from the old one.</summary>
    public string NewDescription() => $"Amended by GP Connect Conformance {Guid.NewGuid():N}"[..50];

    /// <summary>A fresh comment, so a check can tell the amended text from the old one.</summary>
    public string NewComment() => $"Comment amended by GP Connect Conformance {Guid.NewGuid():N}";

    /// <summary>Text of exactly <paramref name="length"/> characters (no clinical content), for the length rules.</summary>
    public string Text(int length, string what)
    {
        var unit = $"GP Connect Conformance {what} text. ";
        var text = string.Concat(Enumerable.Repeat(unit, length / unit.Length + 1));
        return text[..length];
    }

    private async Task<ProviderResponse> ChangeAsync(GpConnectRequest request, CancellationToken cancellationToken)
    {
        var previousETag = context.ETag;
        var previousVersion = context.Representation?["meta"]?["versionId"]?.GetValue<string>();
        var response = await session.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == 200 && Body(response) is { } changed)
        {
            context.PreviousETag = previousETag;
            context.PreviousVersionId = previousVersion;
            context.PreviousRepresentation = context.Representation;
            Keep(response, changed);
        }
        return response;
    }

    private void Keep(ProviderResponse response, JsonObject appointment)
    {
        context.Representation = appointment;
        context.ETag = response.Exchange.ResponseHeader("ETag")
            ?? (appointment["meta"]?["versionId"]?.GetValue<string>() is { } version ? $"W/\"{version}\"" : null);
    }

    private static JsonObject? Body(ProviderResponse response)
    {
        try
        {
            return string.IsNullOrWhiteSpace(response.Exchange.ResponseBody) ? null : JsonNode.Parse(response.Exchange.ResponseBody) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
