using Reqnroll;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Checks.Appointments;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;
using GpConnect.Conformance.Specs.TestData;
using Roles = GpConnect.Conformance.Specs.TestData.TestDataRoles.Appointments;

namespace GpConnect.Conformance.Specs.Steps.Appointments;

/// <summary>Search for free slots steps beyond the shared ones in SlotSearchSteps: includes, restrictions, delivery channels, roles.</summary>
[Binding]
public sealed class FreeSlotSearchSteps(
    ConsumerSession session, SlotSearchContext search, RestrictionComparison comparison, TestDataService data,
    ConformanceSettings settings, TimeProvider clock, ConformanceScenario scenario)
{
    private static readonly string[] BookableChannels = ["In-person", "Telephone", "Video"];

    [Given(@"^the search does not ask for the Location:managingOrganization include$")]
    public void WithoutManagingOrganisation() => Search().IncludeManagingOrganisation = false;

    [Given(@"^the search asks for slots with status ""(\w+)""$")]
    public void WithStatus(string status) => Search().Status = status;

    [Given(@"^the search leaves out _include=Slot:schedule$")]
    public void WithoutScheduleInclude() => Search().IncludeSchedules = false;

    [Given(@"^the search asks for no recursive includes$")]
    public void WithoutRecursiveIncludes()
    {
        var request = Search();
        request.IncludeLocations = request.IncludePractitioners = request.IncludeManagingOrganisation = false;
    }

    [Given(@"^the search window starts tomorrow at 09:00 written without a UTC offset$")]
    public void StartWithoutOffset() =>
        Search().StartValue = $"ge{Search().Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}T09:00:00";

    [Given(@"^the search also carries a searchFilter of a system the provider does not know$")]
    public void UnknownFilter() => Search().ExtraFilters.Add("https://gpconnect-conformance.example/Id/dos-disposition|Dx0123");

    [Then(@"^the bundle should hold no ""(\w+)"" resources$")]
    public void NoneOfType(string resourceType) => AppointmentChecks.NoneOfType(session.LastResponse, resourceType).ThrowIfFailed();

    [Given(@"^the search window lasts (\d+) days$")]
    public void WindowOf(int days) => search.Search = SlotSearch.FromTomorrow(days, clock, settings.Consumer);

    [When(@"^the consumer searches for free slots as an? ""([\w-]+)"" organisation and as an? ""([\w-]+)"" organisation$")]
    public async Task SearchAsTwoTypes(string firstType, string secondType)
    {
        comparison.First = (firstType, await SlotIdsAs(firstType));
        comparison.Second = (secondType, await SlotIdsAs(secondType));
    }

    [Then(@"^the two searches should offer different slots$")]
    public void OffersDiffer() =>
        AppointmentChecks.OffersDiffer(comparison.First.SlotIds, comparison.Second.SlotIds,
            $"a {comparison.First.Type} organisation", $"a {comparison.Second.Type} organisation").ThrowIfFailed();

    [Then(@"^every ""(\w+)"" in the bundle should be offered in person, by telephone or by video$")]
    public void BookableChannelsOnly(string resourceType) =>
        AppointmentChecks.EveryDeliveryChannelIn(session.LastResponse, resourceType, BookableChannels).ThrowIfFailed();

    [Then(@"^every ""(\w+)"" in the bundle should give its ""(\w+)"" and ""(\w+)"" in UK local time$")]
    public void UkLocalTimes(string resourceType, string first, string second) =>
        AppointmentChecks.EveryTimeInUkLocalTime(session.LastResponse, resourceType, first, second).ThrowIfFailed();

    [Then(@"^the search should offer the schedule with the (extended|additional) practitioner role$")]
    public void ScheduleWithRole(string which) =>
        AppointmentChecks.HasScheduleWithRole(session.LastResponse,
            data.Require(which == "extended" ? Roles.ExtendedRoleSchedule : Roles.AdditionalRoleSchedule, "roleCode")).ThrowIfFailed();

    private SlotSearch Search() => search.Search ??= SlotSearch.FromTomorrow(7, clock, settings.Consumer);

    private async Task<IReadOnlyList<string>> SlotIdsAs(string organisationType)
    {
        var request = Search();
        request.BookingOrganisationType = organisationType;
        var response = await session.SendAsync(request.ToRequest(), scenario.CancellationToken);
        Checks.ResponseChecks.Status(response, 200).ThrowIfFailed();
        return response.BundleEntries("Slot").Select(s => s.SelectValue("id") ?? "").ToList();
    }
}

/// <summary>Two searches as different organisation types, for the restriction comparison (per scenario).</summary>
public sealed class RestrictionComparison
{
    public (string Type, IReadOnlyList<string> SlotIds) First { get; set; } = ("", []);
    public (string Type, IReadOnlyList<string> SlotIds) Second { get; set; } = ("", []);
}
