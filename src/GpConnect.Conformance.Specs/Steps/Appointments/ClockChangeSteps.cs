using System.Globalization;
using Reqnroll;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Checks;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;
using GpConnect.Conformance.Specs.TestData;
using Roles = GpConnect.Conformance.Specs.TestData.TestDataRoles.Appointments;

namespace GpConnect.Conformance.Specs.Steps.Appointments;

/// <summary>
/// Steps of the clock-change scenarios (features/appointments/clock-changes.feature): the next UK clock change from the suite
/// clock, searches, bookings and retrieves around it. The rules live in <see cref="ClockChanges"/>.
/// </summary>
[Binding]
public sealed class ClockChangeSteps(
    ConsumerSession session, SlotSearchContext search, AppointmentContext appointment, AppointmentActions actions, ClockChangeContext context,
    TestDataService data, ConformanceSettings settings, TimeProvider clock, ConformanceScenario scenario)
{
    [Given(@"^the search window spans the next UK clock change$")]
    public void WindowAroundChange()
    {
        var (start, end) = Window();
        var window = SlotSearch.FromTomorrow(1, clock, settings.Consumer);
        window.Start = start;
        window.End = end;
        search.Search = window;
    }

    [Given(@"^an appointment the consumer has booked on the other side of the next UK clock change$")]
    public async Task BookAcrossChange()
    {
        var (_, end) = Window();
        var change = context.Change!;
        appointment.PatientId ??= data.Require(Roles.BookablePatient, "logicalId");
        var window = SlotSearch.FromTomorrow(1, clock, settings.Consumer);
        window.Start = change.Day;
        window.End = end;
        var response = await session.SendAsync(window.ToRequest(), scenario.CancellationToken);
        ResponseChecks.Status(response, 200).ThrowIfFailed();
        var now = clock.GetUtcNow();
        var candidates = BookableSlots.InPreferenceOrder(FreeSlot.FromSearch(response)
            .Where(s => s.DeliveryChannel != "Visit" && s.StartInstant >= change.At && s.StartInstant > now));
        // Another consumer may take a slot between search and book: try the next few.
        foreach (var slot in candidates.Take(5))
        {
            appointment.ChosenSlots = [slot];
            var booked = await actions.BookAsync(AppointmentRequests.Booking([slot], appointment.PatientId, settings.Consumer, clock), scenario.CancellationToken);
            if (booked.StatusCode == 201) return;
            if (booked.StatusCode != 409) ResponseChecks.Status(booked, 201).ThrowIfFailed();
        }
        if (candidates.Count == 0)
            throw DataExhausted.Skip($"the provider offers {settings.Consumer.OdsCode} no free slot after the UK clock change of {change.Describe()} " +
                $"({Day(change.Day)} to {Day(end)}): open GP Connect bookable slots in the days after it.");
        throw new InvalidOperationException("Could not book an appointment after the clock change: every free slot tried was taken (409) before it could be booked.");
    }

    [When(@"^the consumer retrieves the patient's appointments over a range spanning the clock change$")]
    public Task RetrieveAcrossChange()
    {
        var (from, to) = ClockChanges.RetrieveRange(Change(), UkTime.Today(clock));
        return actions.RetrieveAsync(AppointmentRequests.Retrieve(appointment.PatientId!, from, to), scenario.CancellationToken);
    }

    [Then(@"^the free slots should lie on both sides of the clock change$")]
    public void SlotsOnBothSides()
    {
        var (before, after) = ClockChanges.Sides(FreeSlot.FromSearch(session.LastResponse), Change());
        if (before.Count == 0 || after.Count == 0) throw NoSlotsAround(before.Count == 0 ? "before" : "after");
    }

    [Then(@"^some schedule should offer free slots on both sides of the clock change$")]
    public void ScheduleOnBothSides()
    {
        if (!ClockChanges.SomeScheduleOnBothSides(FreeSlot.FromSearch(session.LastResponse), Change())) throw NoSlotsAround("of one schedule on both sides of");
    }

    [Then(@"^every free slot's start and end should carry the UK offset in force at its own instant$")]
    public void OffsetsAtOwnInstants() => ClockChanges.OffsetsAtOwnInstants(session.LastResponse, Change()).ThrowIfFailed();

    [Then(@"^every free slot should last as long as its schedule's slots on the other side of the clock change$")]
    public void DurationsAcrossChange() => ClockChanges.DurationsAcrossChange(FreeSlot.FromSearch(session.LastResponse), Change()).ThrowIfFailed();

    [Then(@"^the appointment read should start and end at the instants of the booked slot$")]
    public void ReadAtSameInstants()
    {
        var read = session.LastResponse.Resource;
        ClockChanges.SameInstants($"Appointment/{appointment.AppointmentId} as read", read?.SelectValue("start"), read?.SelectValue("end"), BookedSlot()).ThrowIfFailed();
    }

    [Then(@"^the retrieved appointments should include the booked one at the instants of the booked slot$")]
    public void RetrievedAtSameInstants()
    {
        var id = appointment.RequireId();
        var found = session.LastResponse.BundleEntries("Appointment").FirstOrDefault(a => a.SelectValue("id") == id);
        if (found is null)
        {
            var (from, to) = ClockChanges.RetrieveRange(Change(), UkTime.Today(clock));
            new Check().Fail("retrieve.includes", "Bundle.entry", $"Appointment/{id}", "absent",
                $"Appointment/{id}, booked for {BookedSlot().Start}, is not among the patient's appointments retrieved from {Day(from)} to {Day(to)}, a range spanning the clock change.")
                .ThrowIfFailed();
        }
        ClockChanges.SameInstants($"Appointment/{id} as retrieved", found!.SelectValue("start"), found.SelectValue("end"), BookedSlot()).ThrowIfFailed();
    }

    /// <summary>The next UK clock change and the search window around it; not applicable when it is out of reach.</summary>
    private (DateOnly Start, DateOnly End) Window()
    {
        var change = UkClockChange.Next(clock.GetUtcNow(), UkTime.Zone)
            ?? throw new ScenarioNotApplicableException("This host has no Europe/London time-zone data, so the UK clock changes cannot be worked out.");
        context.Change = change;
        return ClockChanges.Window(change, UkTime.Today(clock), BookableSlots.HorizonDays(settings), out var whyNot)
            ?? throw new ScenarioNotApplicableException(char.ToUpperInvariant(whyNot![0]) + whyNot[1..]);
    }

    private UkClockChange Change() =>
        context.Change ?? throw new InvalidOperationException("No clock change has been chosen: a Given step must look for the next UK clock change first.");

    private FreeSlot BookedSlot() =>
        appointment.ChosenSlots.FirstOrDefault() ?? throw new InvalidOperationException("No slot has been booked in this scenario yet.");

    private ScenarioSkippedException NoSlotsAround(string side)
    {
        var window = search.Search!;
        return DataExhausted.Skip($"the provider offers {settings.Consumer.OdsCode} no free slot {side} the UK clock change of {Change().Describe()} " +
            $"in the window searched ({Day(window.Start)} to {Day(window.End)}): open GP Connect bookable slots on the days either side of it.");
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The clock change a scenario works around (per scenario).</summary>
public sealed class ClockChangeContext
{
    public UkClockChange? Change { get; set; }
}
