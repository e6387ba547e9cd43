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
    ConsumerSession session, AppointmentContext context, BookedAppointments booked, ConformanceSettings settings, TimeProvider clock, TestData.TestDataService data,
    Run.RunState run, Steps.SlotSearchContext search)
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

    /// <summary>
    /// Searches the booking horizon window by window (<see cref="BookableSlots.Windows"/>: every bookable schedule) as the
    /// configured consumer until the free slots found satisfy <paramref name="enough"/> (default: five, what a booking tries),
    /// and keeps them in the order scenarios should take them (Visit slots are never booked).
    /// </summary>
    public async Task<IReadOnlyList<FreeSlot>> FindFreeSlotsAsync(CancellationToken cancellationToken, Func<IReadOnlyList<FreeSlot>, bool>? enough = null)
    {
        enough ??= slots => slots.Count >= 5;
        var found = new List<FreeSlot>();
        context.FailedSlotSearch = null;
        foreach (var (start, end) in BookableSlots.Windows(UkTime.Today(clock), BookableSlots.HorizonDays(settings)))
        {
            var window = SlotSearch.FromTomorrow(1, clock, settings.Consumer);
            window.Start = start;
            window.End = end;
            var response = await session.SendAsync(window.ToRequest(), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == 200)
                found.AddRange(BookableSlots.InPreferenceOrder(FreeSlot.FromSearch(response)
                    .Where(s => s.DeliveryChannel != "Visit" && s.StartInstant > clock.GetUtcNow() && found.All(f => f.Id != s.Id))));
            else context.FailedSlotSearch ??= response;
            if (enough(found)) break;
        }
        context.FoundSlots = found;
        return context.FoundSlots;
    }

    /// <summary>
    /// The skip for a scenario whose booking needs free slots the provider no longer offers: never a provider failure, with
    /// one line saying what to add.
    /// </summary>
    /// <remarks>
    /// When a window's search was not answered (timed out, refused, not 200), the slots may be there: that is a provider
    /// failure with the exchange as evidence, not used-up data.
    /// </remarks>
    public Exception NoFreeSlots(string what) => context.FailedSlotSearch is { } failed
        ? new GpConnect.Conformance.Runner.ConformanceCheckException(new GpConnect.Conformance.Runner.Results.CheckFailure("slot-search.answered", null,
            "HTTP 200 to a free-slot search over the booking horizon",
            failed.Exchange.TransportError ?? $"HTTP {failed.StatusCode}",
            $"Looking for a {what}, a free-slot search was not answered with 200 ({failed.Exchange.Method} {failed.Exchange.Url}): {failed.Exchange.TransportError ?? $"HTTP {failed.StatusCode}"}"))
        : TestData.DataExhausted.Skip(
        $"the provider offers no {what} to {settings.Consumer.OdsCode} in the booking horizon ({BookableSlots.HorizonDays(settings)} days from tomorrow, " +
        "testData:appointments:bookingHorizon:days): open more GP Connect bookable slots in the practice's diaries, or raise the horizon.");

    /// <summary>Books <paramref name="appointment"/>; a 201 is recorded for teardown and becomes the current appointment.</summary>
    public async Task<ProviderResponse> BookAsync(JsonObject appointment, CancellationToken cancellationToken)
    {
        SentDescription = appointment["description"]?.GetValue<string>();
        SentComment = appointment["comment"]?.GetValue<string>();
        // A booking already sent is allowed to finish when the run is being stopped (Ctrl+C, SIGTERM): the provider may have
        // booked it, and only its answer tells which appointment to cancel. The client's own timeout still bounds it.
        _ = cancellationToken;
        var response = await session.SendAsync(AppointmentRequests.Book(appointment), CancellationToken.None).ConfigureAwait(false);
        if (response.StatusCode != 201) return response;
        var created = Body(response);
        var id = created?["id"]?.GetValue<string>() ?? CreatedId(response) ?? await FindBookedAsync(appointment).ConfigureAwait(false);
        if (id is null)
        {
            run.BookingNotIdentified(session.ScenarioId, SlotIdsOf(appointment));
            return response;
        }
        booked.Add(id);
        run.Booked(id, session.ScenarioId, SlotIdsOf(appointment));
        context.AppointmentId = id;
        if (created is not null) Keep(response, created);
        if (context.ChosenSlots.FirstOrDefault() is { } slot && search.Search is null)
        {
            var (start, end) = BookableSlots.WeekAround(DateOnly.FromDateTime(slot.StartInstant.Date), UkTime.Today(clock));
            var week = SlotSearch.FromTomorrow(1, clock, settings.Consumer);
            week.Start = start;
            week.End = end;
            search.Search = week;
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

    /// <summary>Records a booking made outside <see cref="BookAsync"/> (e.g. sent as XML) for teardown and in the bookings ledger.</summary>
    public void RecordBooking(string id, JsonObject appointment)
    {
        booked.Add(id);
        run.Booked(id, session.ScenarioId, SlotIdsOf(appointment));
    }

    /// <summary>The id in the Location header of a 201 (a return=minimal booking has no body): [base]/Appointment/{id}[/_history/{v}].</summary>
    public static string? CreatedId(ProviderResponse response)
    {
        var location = response.Exchange.ResponseHeader("Location") ?? response.Exchange.ResponseHeader("Content-Location");
        if (string.IsNullOrWhiteSpace(location)) return null;
        var segments = location.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.LastIndexOf(segments, "Appointment");
        return at >= 0 && at + 1 < segments.Length ? segments[at + 1] : null;
    }

    /// <summary>
    /// A 201 with neither a body nor a Location: the booked appointment is found by retrieving the patient's appointments on
    /// the slot's day (directly through the client, so the scenario's last response stays the booking's).
    /// </summary>
    private async Task<string?> FindBookedAsync(JsonObject appointment)
    {
        var patient = appointment["participant"] is JsonArray participants
            ? participants.Select(p => p?["actor"]?["reference"]?.GetValue<string>()).FirstOrDefault(r => r?.StartsWith("Patient/", StringComparison.Ordinal) == true)?["Patient/".Length..]
            : null;
        var slots = SlotIdsOf(appointment);
        var start = appointment["start"]?.GetValue<string>();
        if (patient is null || slots.Count == 0 || !DateTimeOffset.TryParse(start, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at))
            return null;
        var day = DateOnly.FromDateTime(at.Date);
        try
        {
            var exchange = await session.Client.SendAsync(AppointmentRequests.Retrieve(patient, day, day), CancellationToken.None).ConfigureAwait(false);
            if (exchange.StatusCode != 200) return null;
            return new ProviderResponse(exchange).BundleEntries("Appointment")
                .Where(a => a.SelectValue("status") == "booked" && a.Select("slot.reference").Any(r => slots.Contains(r.Value ?? "")))
                .Select(a => a.SelectValue("id")).FirstOrDefault(id => id is not null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    private static IReadOnlyList<string> SlotIdsOf(JsonObject appointment) =>
        (appointment["slot"] as JsonArray)?.Select(s => s?["reference"]?.GetValue<string>() ?? "").Where(r => r.Length > 0).ToList() ?? [];

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
