using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;

namespace GpConnect.Conformance.Cli.Load;

/// <summary>
/// The load mode's writes (<c>--writes</c>, only with <c>provider:allowWrites</c> true): book one free slot, then cancel
/// that booking at once. Both are commands (SHALL &lt; 250 ms, SHOULD &lt; 100 ms), each timed and counted against the
/// requests-per-second cap like any other request. A booking is always cancelled, even when the deadline has passed;
/// one the provider would not cancel is reported by id so a person can cancel it.
/// </summary>
public sealed class LoadWrites
{
    public static LoadInteraction Book { get; } = new("book-appointment", Interactions.BookAppointment, LoadKind.Command,
        (_, _) => throw new InvalidOperationException("a booking is made by the write cycle"));
    public static LoadInteraction Cancel { get; } = new("cancel-appointment", Interactions.CancelAppointment, LoadKind.Command,
        (_, _) => throw new InvalidOperationException("a cancellation is made by the write cycle"));

    public const string Reason = "Cancelled by GP Connect Conformance load mode (automated test booking)";

    private readonly ConcurrentQueue<FreeSlot> _slots;
    private readonly string _patientId;
    private readonly ConformanceSettings _settings;
    private readonly ConcurrentQueue<string> _notCancelled = new();

    private LoadWrites(IEnumerable<FreeSlot> slots, string patientId, ConformanceSettings settings)
    {
        _slots = new ConcurrentQueue<FreeSlot>(slots);
        _patientId = patientId;
        _settings = settings;
    }

    /// <summary>Bookings the provider would not cancel (id and what it answered).</summary>
    public IReadOnlyList<string> NotCancelled => _notCancelled.ToList();

    /// <summary>The free slots of the coming week to book from (searched once, before the clock starts), for the baseline patient.</summary>
    /// <exception cref="ConfigurationException">testData:patients:baseline:logicalId is not configured.</exception>
    public static async Task<LoadWrites> PrepareAsync(GpConnectClient client, ConformanceSettings settings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var patientId = settings.GetTestData("patients.baseline", "logicalId");
        var search = await client.SendAsync(SlotSearch.FromTomorrow(7, clock, settings.Consumer).ToRequest(), cancellationToken).ConfigureAwait(false);
        return new LoadWrites(BookableSlots.InPreferenceOrder(FreeSlot.FromSearch(new ProviderResponse(search))), patientId, settings);
    }

    /// <summary>
    /// One cycle: book a free slot, then cancel it. Returns the samples (book, then cancel when a booking was made). With no
    /// free slot left, returns one failed booking sample that sends nothing.
    /// </summary>
    public async Task<IReadOnlyList<LoadSample>> CycleAsync(GpConnectClient client, RequestPacer pacer, long origin, CancellationToken deadline)
    {
        if (!_slots.TryDequeue(out var slot))
            return [new LoadSample(Stopwatch.GetElapsedTime(origin).TotalMilliseconds, Book.Name, 0, null, "no free slot left to book (none was free, or every one is booked and not yet cancelled)")];
        try
        {
            await pacer.WaitTurnAsync(deadline).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _slots.Enqueue(slot);
            throw;
        }
        var at = Stopwatch.GetElapsedTime(origin).TotalMilliseconds;
        var booking = AppointmentRequests.Booking([slot], _patientId, _settings.Consumer, TimeProvider.System, comment: null);
        // Once sent, a booking is not abandoned at the deadline (its id is needed to cancel it): the client's timeout bounds it.
        var book = await client.SendAsync(AppointmentRequests.Book(booking), CancellationToken.None).ConfigureAwait(false);
        var bookError = book.TransportError ?? (book.StatusCode == 201 ? null : $"HTTP {book.StatusCode} (expected 201)");
        var samples = new List<LoadSample> { new(at, Book.Name, book.Duration.TotalMilliseconds, book.StatusCode, bookError) };
        if (bookError is not null)
        {
            _slots.Enqueue(slot);
            return samples;
        }

        // Cancel at once, whatever the deadline says: a booking must not outlive the run.
        var appointment = JsonNode.Parse(book.ResponseBody) as JsonObject;
        var id = appointment?["id"]?.GetValue<string>();
        if (appointment is null || id is null)
        {
            _notCancelled.Enqueue($"a booking of Slot/{slot.Id}: the 201 had no Appointment with an id to cancel");
            samples.Add(new LoadSample(at, Cancel.Name, 0, null, "the booking's 201 had no Appointment id to cancel"));
            return samples;
        }
        await pacer.WaitTurnAsync(CancellationToken.None).ConfigureAwait(false);
        at = Stopwatch.GetElapsedTime(origin).TotalMilliseconds;
        var cancel = await client.SendAsync(AppointmentRequests.Cancel(id, AppointmentEdits.Cancelled(appointment, Reason), book.ResponseHeader("ETag")), CancellationToken.None).ConfigureAwait(false);
        var cancelError = cancel.TransportError ?? (cancel.StatusCode == 200 ? null : $"HTTP {cancel.StatusCode} (expected 200)");
        samples.Add(new LoadSample(at, Cancel.Name, cancel.Duration.TotalMilliseconds, cancel.StatusCode, cancelError));
        if (cancelError is null) _slots.Enqueue(slot);
        else _notCancelled.Enqueue($"Appointment/{id}: cancel answered {cancelError}");
        return samples;
    }
}
