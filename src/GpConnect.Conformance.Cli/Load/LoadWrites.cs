using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;
using GpConnect.Conformance.Specs.Domain.Run;

namespace GpConnect.Conformance.Cli.Load;

/// <summary>A booking the load mode made (or may have made) and did not see cancelled: its id when known, its slot, and why.</summary>
public sealed record OutstandingBooking(string? AppointmentId, string Slot, string Reason)
{
    public override string ToString() => $"{(AppointmentId is null ? "an appointment of unknown id" : $"Appointment/{AppointmentId}")} ({Slot}): {Reason}";
}

/// <summary>
/// The load mode's writes (<c>--writes</c>, only with <c>provider:allowWrites</c> true): book one free slot, then cancel
/// that booking at once. Both are commands (SHALL &lt; 250 ms, SHOULD &lt; 100 ms), each timed and counted against the
/// requests-per-second cap like any other request. Every booking the provider confirms is appended to the bookings ledger
/// (the same <c>bookings-ledger.jsonl</c> the suite's runs keep) before it is cancelled, and every cancellation the provider
/// confirms (200 with the Appointment cancelled) after it, so a booking whose cancellation failed, or that an interruption cut
/// off, stays in the ledger as outstanding for <c>run-tests.sh cleanup</c>. A booking once sent is finished and cancelled
/// even past the deadline; only <c>abort</c> (an interruption that has run out of grace) cuts it off.
/// </summary>
public sealed class LoadWrites
{
    public static LoadInteraction Book { get; } = new("book-appointment", Interactions.BookAppointment, LoadKind.Command,
        (_, _) => throw new InvalidOperationException("a booking is made by the write cycle"));
    public static LoadInteraction Cancel { get; } = new("cancel-appointment", Interactions.CancelAppointment, LoadKind.Command,
        (_, _) => throw new InvalidOperationException("a cancellation is made by the write cycle"));

    public const string Reason = "Cancelled by GP Connect Conformance load mode (automated test booking)";

    /// <summary>How the load mode names itself in the ledger's <c>scenario</c> field.</summary>
    public const string LedgerScenario = "load --writes";

    private readonly ConcurrentQueue<FreeSlot> _slots;
    private readonly string _patientId;
    private readonly ConformanceSettings _settings;
    private readonly BookingLedger _ledger;
    private readonly string _serviceRoot;
    private readonly ConcurrentQueue<OutstandingBooking> _outstanding = new();
    private int _booked;
    private int _cancelled;

    private LoadWrites(IEnumerable<FreeSlot> slots, string patientId, ConformanceSettings settings, BookingLedger ledger, string serviceRoot)
    {
        _slots = new ConcurrentQueue<FreeSlot>(slots);
        _patientId = patientId;
        _settings = settings;
        _ledger = ledger;
        _serviceRoot = serviceRoot.TrimEnd('/');
    }

    /// <summary>The ledger this run appends to.</summary>
    public BookingLedger Ledger => _ledger;

    /// <summary>Bookings the provider confirmed (201).</summary>
    public int Booked => Volatile.Read(ref _booked);

    /// <summary>Cancellations the provider confirmed (200, the Appointment cancelled).</summary>
    public int Cancelled => Volatile.Read(ref _cancelled);

    /// <summary>Bookings left on the provider, or possibly left (a booking request cut off in flight), each with the reason.</summary>
    public IReadOnlyList<OutstandingBooking> Outstanding => _outstanding.ToList();

    /// <summary>The figures for the report.</summary>
    public LoadBookings Summary(string? cleanupCommand) => new()
    {
        Booked = Booked,
        Cancelled = Cancelled,
        Outstanding = Outstanding.Count,
        Ledger = _ledger.Path,
        CleanupCommand = cleanupCommand,
        NotCancelled = Outstanding.Select(o => o.ToString()).ToList(),
    };

    /// <summary>
    /// The free slots of the coming week to book from (searched once, before the clock starts), for the baseline patient.
    /// Bookings and confirmed cancellations go to <paramref name="ledger"/>, under <paramref name="serviceRoot"/>.
    /// </summary>
    /// <exception cref="ConfigurationException">testData:patients:baseline:logicalId is not configured.</exception>
    public static async Task<LoadWrites> PrepareAsync(GpConnectClient client, ConformanceSettings settings, TimeProvider clock, BookingLedger ledger, Uri serviceRoot,
        CancellationToken cancellationToken)
    {
        var patientId = settings.GetTestData("patients.baseline", "logicalId");
        var search = await client.SendAsync(SlotSearch.FromTomorrow(7, clock, settings.Consumer).ToRequest(), cancellationToken).ConfigureAwait(false);
        return new LoadWrites(BookableSlots.InPreferenceOrder(FreeSlot.FromSearch(new ProviderResponse(search))), patientId, settings, ledger, serviceRoot.ToString());
    }

    /// <summary>
    /// One cycle: book a free slot, then cancel it. Returns the samples (book, then cancel when a booking was made). With no
    /// free slot left, returns one failed booking sample that sends nothing. <paramref name="deadline"/> cuts only the wait
    /// for a turn; <paramref name="abort"/> cuts the booking or the cancellation in flight (the booking then stays outstanding).
    /// </summary>
    public async Task<IReadOnlyList<LoadSample>> CycleAsync(GpConnectClient client, RequestPacer pacer, long origin, CancellationToken deadline, CancellationToken abort = default)
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
        var slotReference = $"Slot/{slot.Id}";
        var at = Stopwatch.GetElapsedTime(origin).TotalMilliseconds;
        var booking = AppointmentRequests.Booking([slot], _patientId, _settings.Consumer, TimeProvider.System, comment: null);
        HttpExchange book;
        try
        {
            // Once sent, a booking is not abandoned at the deadline (its id is needed to cancel it): the client's timeout bounds it.
            book = await client.SendAsync(AppointmentRequests.Book(booking), abort).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            _outstanding.Enqueue(new(null, slotReference, "the booking request was cut off by the interruption before the provider answered; it may have booked the slot (Retrieve the baseline patient's appointments to see)"));
            throw;
        }
        var bookError = book.TransportError ?? (book.StatusCode == 201 ? null : $"HTTP {book.StatusCode} (expected 201)");
        var samples = new List<LoadSample> { new(at, Book.Name, book.Duration.TotalMilliseconds, book.StatusCode, bookError) };
        if (bookError is not null)
        {
            // Refused connections and failed handshakes booked nothing; a timeout or a dropped answer may have.
            if (book.TransportErrorKind is TransportErrorKind.Timeout or TransportErrorKind.Other or TransportErrorKind.BodyRefused)
                _outstanding.Enqueue(new(null, slotReference, $"the booking request got no answer ({book.TransportError}); the provider may have booked the slot"));
            else _slots.Enqueue(slot);
            return samples;
        }

        Interlocked.Increment(ref _booked);
        var appointment = ParseObject(book.ResponseBody);
        var id = appointment?["id"]?.GetValue<string>();
        if (appointment is null || id is null)
        {
            _outstanding.Enqueue(new(null, slotReference, "the booking's 201 had no Appointment with an id, so it could not be recorded or cancelled"));
            samples.Add(new LoadSample(at, Cancel.Name, 0, null, "the booking's 201 had no Appointment id to cancel"));
            return samples;
        }
        // Recorded before the cancellation is sent: whatever happens next, the ledger knows this booking.
        _ledger.RecordBooked(_serviceRoot, id, LedgerScenario, [slotReference]);

        // Cancel at once, whatever the deadline says: a booking must not outlive the run.
        HttpExchange cancel;
        try
        {
            await pacer.WaitTurnAsync(abort).ConfigureAwait(false);
            at = Stopwatch.GetElapsedTime(origin).TotalMilliseconds;
            cancel = await client.SendAsync(AppointmentRequests.Cancel(id, AppointmentEdits.Cancelled(appointment, Reason), book.ResponseHeader("ETag")), abort).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            _outstanding.Enqueue(new(id, slotReference, "its cancellation was cut off by the interruption"));
            throw new LoadCycleInterruptedException(samples);
        }
        var cancelError = cancel.TransportError ?? (cancel.StatusCode == 200 ? null : $"HTTP {cancel.StatusCode} (expected 200)");
        if (cancelError is null && ParseObject(cancel.ResponseBody)?["status"]?.GetValue<string>() is var status && status != "cancelled")
            cancelError = $"HTTP 200, but the Appointment returned has status '{status ?? "absent"}', not 'cancelled'";
        samples.Add(new LoadSample(at, Cancel.Name, cancel.Duration.TotalMilliseconds, cancel.StatusCode, cancelError));
        if (cancelError is null)
        {
            _ledger.RecordCancelled(_serviceRoot, id);
            Interlocked.Increment(ref _cancelled);
            _slots.Enqueue(slot);
        }
        else _outstanding.Enqueue(new(id, slotReference, $"cancel answered {cancelError}"));
        return samples;
    }

    private static JsonObject? ParseObject(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

/// <summary>The write cycle was cut off by an interruption after its booking was answered: the samples it has are kept.</summary>
public sealed class LoadCycleInterruptedException(IReadOnlyList<LoadSample> samples) : OperationCanceledException("The write cycle was cut off by the interruption.")
{
    public IReadOnlyList<LoadSample> Samples { get; } = samples;
}

/// <summary>What the load mode's writes did to the provider: bookings made, cancellations confirmed, and what is left.</summary>
public sealed record LoadBookings
{
    public required int Booked { get; init; }
    public required int Cancelled { get; init; }
    public required int Outstanding { get; init; }
    /// <summary>The bookings ledger every booking and confirmed cancellation was appended to.</summary>
    public string? Ledger { get; init; }
    /// <summary>The command that cancels what is outstanding (null when nothing is, or the provider keeps nothing).</summary>
    public string? CleanupCommand { get; init; }
    public IReadOnlyList<string> NotCancelled { get; init; } = [];
}
