using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Tests.Infrastructure;
using static GpConnect.ReferenceProvider.Tests.Appointments.AppointmentApi;

namespace GpConnect.ReferenceProvider.Tests.Faults;

/// <summary>
/// One observation per clock-change fault (merged into FaultProbes.All). These faults only show across a UK clock change, so
/// each probe starts a second provider with the same faults as of Wednesday 24 March 2027 (GMT), four days before the clocks go
/// forward on Sunday 28 March, and searches from Friday 26 March (GMT) to Wednesday 31 March (BST).
/// </summary>
public static class ClockChangeFaultProbes
{
    private const string AcrossChange = "/Slot?status=free&start=ge2027-03-26&end=le2027-03-31&_include=Slot:schedule"
        + "&searchFilter=https://fhir.nhs.uk/Id/ods-organization-code%7CGPCC001&searchFilter=https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1%7Cgp-practice";

    public static IReadOnlyDictionary<string, Func<ProviderSession, Task<bool>>> All { get; } =
        new Dictionary<string, Func<ProviderSession, Task<bool>>>
        {
            ["slot-offset-of-window-start"] = s => BeforeSpringChange(s, async p =>
                (await Slots(p)).Any(slot => slot["start"]!.GetValue<string>() is var start
                    && string.CompareOrdinal(start, "2027-03-29") > 0 && start.EndsWith("+00:00", StringComparison.Ordinal))),
            ["slot-end-in-window-start-wall-time"] = s => BeforeSpringChange(s, async p =>
                (await Slots(p)).Any(slot => At(slot["end"]) - At(slot["start"]) >= TimeSpan.FromHours(1))),
            ["appointment-read-in-booking-offset"] = s => BeforeSpringChange(s, async p =>
                await BookAfterChange(p) is var (id, slot) && id is not null
                && await ReadAsync(p, id) is { Status: HttpStatusCode.OK } read && At(read.Json["start"]) != At(slot!["start"])),
            ["retrieve-in-range-start-offset"] = s => BeforeSpringChange(s, async p =>
                await BookAfterChange(p) is var (id, slot) && id is not null
                && await RetrieveAsync(p, "1", "2027-03-24", "2027-03-31") is { Status: HttpStatusCode.OK } retrieved
                && retrieved.Json["entry"]?.AsArray().Select(e => e!["resource"]!.AsObject()).FirstOrDefault(a => a["id"]?.GetValue<string>() == id) is { } found
                && At(found["start"]) != At(slot!["start"])),
        };

    private static async Task<bool> BeforeSpringChange(ProviderSession s, Func<ProviderSession, Task<bool>> probe)
    {
        await using var session = await ProviderSession.StartAsync(o =>
        {
            o.Faults = s.Provider.ActiveFaults.ToArray();
            o.AsOf = new DateOnly(2027, 3, 24);
        });
        return await probe(session);
    }

    private static async Task<IReadOnlyList<JsonObject>> Slots(ProviderSession s)
    {
        var response = await s.GetAsync(AcrossChange, InteractionIds.SearchSlots);
        return response.Status == HttpStatusCode.OK ? response.Entries().Where(r => r["resourceType"]!.GetValue<string>() == "Slot").ToList() : [];
    }

    /// <summary>Books the nurse clinic's first free slot after the change, with the booking made (created) before it, in GMT.</summary>
    private static async Task<(string? Id, JsonObject? Slot)> BookAfterChange(ProviderSession s)
    {
        var slot = (await Slots(s)).FirstOrDefault(x => x["schedule"]!["reference"]!.GetValue<string>() == "Schedule/2"
            && string.CompareOrdinal(x["start"]!.GetValue<string>(), "2027-03-29") > 0);
        if (slot is null) return (null, null);
        var booking = Booking(s, slot);
        booking["created"] = "2027-03-24T11:00:00+00:00";
        var booked = await BookAsync(s, booking);
        return booked.Status == HttpStatusCode.Created ? (booked.Json["id"]!.GetValue<string>(), slot) : (null, null);
    }

    private static DateTimeOffset At(JsonNode? text) =>
        DateTimeOffset.Parse(text!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None);
}
