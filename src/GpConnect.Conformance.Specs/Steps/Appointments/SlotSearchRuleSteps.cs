using Reqnroll;
using System.Globalization;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Checks;
using GpConnect.Conformance.Specs.Checks.Appointments;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;
using GpConnect.Conformance.Specs.TestData;
using Roles = GpConnect.Conformance.Specs.TestData.TestDataRoles.Appointments;

namespace GpConnect.Conformance.Specs.Steps.Appointments;

/// <summary>
/// Search for free slots steps for the window rules, the bundle's shape and the parameter rules (APT-025 … APT-073). Windows
/// that start or end inside a slot are built from a slot a first search found, so no slot times need configuring.
/// </summary>
[Binding]
public sealed class SlotSearchRuleSteps(
    ConsumerSession session, SlotSearchContext search, SlotWindowContext window, RestrictionComparison comparison, TestDataService data,
    ConformanceSettings settings, TimeProvider clock, ConformanceScenario scenario)
{
    /// <summary>An ODS code no practice puts on a slot's restriction list (APT-055).</summary>
    public const string UnlistedOdsCode = "ZZ9999";

    [Given(@"^a free slot found by a first search$")]
    public async Task FindSlot()
    {
        var slots = await FirstSearchSlots();
        window.Found = slots[0];
    }

    [Given(@"^the search window starts one minute after that slot starts, as a dateTime, and ends on that day, as a date$")]
    public void StartInsideFoundSlot()
    {
        var slot = Found();
        var request = Search();
        request.StartValue = "ge" + DateTimeText(slot.Start.AddMinutes(1));
        request.End = DateOnly.FromDateTime(slot.Start.DateTime);
    }

    [Given(@"^the search window starts on that slot's day, as a date, and ends one minute before that slot ends, as a dateTime$")]
    public void EndInsideFoundSlot()
    {
        var slot = Found();
        var request = Search();
        request.Start = DateOnly.FromDateTime(slot.Start.DateTime);
        request.EndValue = "le" + DateTimeText(slot.End.AddMinutes(-1));
    }

    [Given(@"^the search window is that slot's day alone, as full dates$")]
    public void FoundSlotsDay()
    {
        var day = DateOnly.FromDateTime(Found().Start.DateTime);
        var request = Search();
        (request.Start, request.End) = (day, day);
    }

    [Given(@"^the search window starts during the first free slot of a day and ends during that day's last, both as dateTimes$")]
    public async Task WindowInsideFirstAndLastSlots()
    {
        var slots = await FirstSearchSlots();
        var day = slots.GroupBy(s => DateOnly.FromDateTime(s.Start.DateTime)).FirstOrDefault(g => g.Count() >= 3)
            ?? throw new ConformanceCheckException([new("test-data.slots", "Bundle.entry.resource(Slot)", "a day with at least three free slots", "none",
                "The scenario needs a day in the coming week with at least three free slots; check the provider's test data.")]);
        var first = day.OrderBy(s => s.Start).First();
        var last = day.OrderBy(s => s.End).Last();
        window.Start = first.Start.AddMinutes(1);
        window.End = last.End.AddMinutes(-1);
        var request = Search();
        request.StartValue = "ge" + DateTimeText(window.Start.Value);
        request.EndValue = "le" + DateTimeText(window.End.Value);
    }

    [Given(@"^the search window runs exactly 14 days from midnight tomorrow, as dateTimes$")]
    public void ExactlyTwoWeeks()
    {
        var request = Search();
        var start = request.Start.ToDateTime(TimeOnly.MinValue);
        request.StartValue = "ge" + LocalDateTimeText(start);
        request.EndValue = "le" + LocalDateTimeText(start.AddDays(14));
    }

    [Given(@"^the search window started (\d+) days ago and lasted (\d+) days$")]
    public void PastWindow(int daysAgo, int days)
    {
        var request = Search();
        request.Start = UkTime.Today(clock).AddDays(-daysAgo);
        request.End = request.Start.AddDays(days - 1);
    }

    [Given(@"^the search window starts the day after the practice's booking window ends and lasts (\d+) days$")]
    public void BeyondBookingHorizon(int days)
    {
        var request = Search();
        request.Start = LastBookableDay().AddDays(1);
        request.End = request.Start.AddDays(days - 1);
    }

    [Then(@"^no slot beyond the practice's booking window should be offered$")]
    public void NothingBeyondHorizon() => SlotSearchChecks.NoSlotAfter(session.LastResponse, LastBookableDay()).ThrowIfFailed();

    private DateOnly LastBookableDay() =>
        UkTime.Today(clock).AddDays(int.Parse(data.Require(Roles.BookingHorizon, "days"), CultureInfo.InvariantCulture));

    [Given(@"^the search window is one minute long, too short for any slot$")]
    public void OneMinuteWindow()
    {
        var request = Search();
        var start = request.Start.ToDateTime(new TimeOnly(3, 0));
        request.StartValue = "ge" + LocalDateTimeText(start);
        request.EndValue = "le" + LocalDateTimeText(start.AddMinutes(1));
    }

    [Given(@"^the search window ends the day before it starts$")]
    public void Reversed()
    {
        var request = Search();
        request.End = request.Start.AddDays(-1);
    }

    [Given(@"^the search leaves out the status parameter$")]
    public void WithoutStatus() => Search().SendStatus = false;

    [Given(@"^the search leaves out (start|start and end)$")]
    public void WithoutBounds(string which)
    {
        var request = Search();
        request.SendStart = false;
        if (which == "start and end") request.SendEnd = false;
    }

    [Given(@"^the search (start|end) is sent as ""([^""]*)""$")]
    public void RawBound(string which, string value)
    {
        if (which == "start") Search().StartValue = value;
        else Search().EndValue = value;
    }

    [Given(@"^the search (start|end) uses the prefix ""(\w+)""$")]
    public void Prefix(string which, string prefix)
    {
        var request = Search();
        if (which == "start") request.StartValue = prefix + DateText(request.Start);
        else request.EndValue = prefix + DateText(request.End);
    }

    [When(@"^the consumer searches for free slots naming only its own ODS code and with no searchFilter$")]
    public async Task OwnOdsVersusNoFilter()
    {
        comparison.First = ("an organisation naming only its own ODS code", await SlotIdsWith(settings.Consumer.OdsCode));
        comparison.Second = ("an organisation sending no searchFilter", await SlotIdsWith(null));
    }

    [When(@"^the consumer searches for free slots naming only its own ODS code and naming only an ODS code on no restriction list$")]
    public async Task OwnOdsVersusUnlisted()
    {
        comparison.First = ("an organisation naming only its own ODS code", await SlotIdsWith(settings.Consumer.OdsCode));
        comparison.Second = ($"an organisation naming only the ODS code {UnlistedOdsCode}, on no restriction list", await SlotIdsWith(UnlistedOdsCode));
    }

    [Then(@"^every Slot in the bundle should lie wholly inside the search window$")]
    public void InsideWindow() =>
        SlotSearchChecks.EverySlotInsideWindow(session.LastResponse, window.Start ?? throw Missing("window start"), window.End ?? throw Missing("window end")).ThrowIfFailed();

    [Then(@"^the slot found first should not be offered$")]
    public void FoundSlotAbsent() =>
        SlotSearchChecks.SlotOffered(session.LastResponse, Found().Id, expected: false, "it is not wholly inside the search window").ThrowIfFailed();

    [Then(@"^the slot found first should be offered$")]
    public void FoundSlotOffered() =>
        SlotSearchChecks.SlotOffered(session.LastResponse, Found().Id, expected: true, "a full-date end covers the whole of that day").ThrowIfFailed();

    [Then(@"^every Slot should reference a Schedule in the bundle$")]
    public void SchedulesIncluded() => SlotSearchChecks.EverySlotScheduleInBundle(session.LastResponse).ThrowIfFailed();

    [Then(@"^every Schedule should belong to a returned Slot and the bundle should hold nothing but slots, schedules, practitioners, locations and the organisation$")]
    public void NoOrphans() => SlotSearchChecks.NoOrphansOrOtherTypes(session.LastResponse).ThrowIfFailed();

    [Then(@"^every Schedule should name a Location among its actors$")]
    public void LocationActors() => SlotSearchChecks.EveryScheduleHasLocationActor(session.LastResponse).ThrowIfFailed();

    [Then(@"^every Location the schedules name should be in the bundle with its profile, version, name and managing organisation and no endpoint$")]
    public void Locations() =>
        SlotSearchChecks.IncludedActors(session.LastResponse, "Location", ["meta.profile", "meta.versionId", "name", "managingOrganization"], ["endpoint"]).ThrowIfFailed();

    [Then(@"^every Location should be managed by the Organization in the bundle$")]
    public void Managed() => SlotSearchChecks.LocationsManagedByBundledOrganisation(session.LastResponse).ThrowIfFailed();

    [Then(@"^every Practitioner the schedules name should be in the bundle with its profile, version, identifier and name and no contact details$")]
    public void Practitioners() =>
        SlotSearchChecks.IncludedActors(session.LastResponse, "Practitioner", ["meta.profile", "meta.versionId", "identifier", "name"],
            ["telecom", "address", "birthDate", "photo", "qualification"]).ThrowIfFailed();

    [Then(@"^the Organization should be the practice of the service root, with its profile, version, ODS code and name and no contact or endpoint$")]
    public void Organisation() => SlotSearchChecks.PracticeOrganisation(session.LastResponse, settings.Provider.OdsCode).ThrowIfFailed();

    [Then(@"^the bundle should be an empty searchset$")]
    public void EmptyBundle() => SlotSearchChecks.Empty(session.LastResponse).ThrowIfFailed();

    /// <summary>Schedules must carry a role (practices configure one per bookable schedule); appointments populate it where held.</summary>
    [Then(@"^every (Schedule|Appointment) in the bundle should carry one practitioner role from the GP Connect job-role list$")]
    public void PractitionerRolesFromList(string resourceType) =>
        SlotSearchChecks.PractitionerRoles(session.LastResponse.BundleEntries(resourceType), roleRequired: resourceType == "Schedule").ThrowIfFailed();

    [Then(@"^the search naming only its own ODS code should offer slots the other search does not$")]
    public void OwnOdsOffersMore() =>
        AppointmentChecks.OffersDiffer(comparison.First.SlotIds, comparison.Second.SlotIds, comparison.First.Type, comparison.Second.Type).ThrowIfFailed();

    [Then(@"^the slot the practice has not made bookable through GP Connect should not be offered$")]
    public void NotBookableAbsent()
    {
        var scheduleId = data.Require(Roles.NotBookableSlot, "scheduleId");
        var time = TimeOnly.ParseExact(data.Require(Roles.NotBookableSlot, "startTime"), "HH:mm", CultureInfo.InvariantCulture);
        SlotSearchChecks.NoSlotAt(session.LastResponse, scheduleId, time).ThrowIfFailed();
    }

    [Then(@"^the branch surgery should come back as a Location managed by the Organization in the bundle$")]
    public void BranchSurgery()
    {
        SlotSearchChecks.HasLocationNamed(session.LastResponse, data.Require(Roles.BranchSurgery, "locationName")).ThrowIfFailed();
        SlotSearchChecks.LocationsManagedByBundledOrganisation(session.LastResponse).ThrowIfFailed();
    }

    private SlotSearch Search() => search.Search ??= SlotSearch.FromTomorrow(7, clock, settings.Consumer);

    private FoundSlot Found() => window.Found ?? throw Missing("the slot found by a first search");

    private static InvalidOperationException Missing(string what) => new($"The scenario has no {what}; a Given step must set it first.");

    /// <summary>The free slots of the default week, earliest first; fails the step when there are none.</summary>
    private async Task<IReadOnlyList<FoundSlot>> FirstSearchSlots()
    {
        var response = await session.SendAsync(SlotSearch.FromTomorrow(7, clock, settings.Consumer).ToRequest(), scenario.CancellationToken);
        BundleChecks.Contains(response, "Slot").ThrowIfFailed();
        return response.BundleEntries("Slot")
            .Select(s => FoundSlot.From(s.SelectValue("id"), s.SelectValue("start"), s.SelectValue("end")))
            .OfType<FoundSlot>().OrderBy(s => s.Start).ToList();
    }

    private async Task<IReadOnlyList<string>> SlotIdsWith(string? odsCode)
    {
        var request = SlotSearch.FromTomorrow(7, clock, settings.Consumer);
        request.BookingOdsCode = odsCode;
        request.BookingOrganisationType = null;
        var response = await session.SendAsync(request.ToRequest(), scenario.CancellationToken);
        ResponseChecks.Status(response, 200).ThrowIfFailed();
        return response.BundleEntries("Slot").Select(s => s.SelectValue("id") ?? "").ToList();
    }

    private static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant as yyyy-mm-ddThh:mm:ss+hh:mm in the offset it carries (the provider's own UK offset).</summary>
    private static string DateTimeText(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A UK wall-clock time with its GMT/BST offset.</summary>
    private static string LocalDateTimeText(DateTime wallClock) => DateTimeText(UkTime.AtLocal(wallClock));
}
