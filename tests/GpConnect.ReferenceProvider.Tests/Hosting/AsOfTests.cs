using System.Net;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.CommandLine;
using GpConnect.ReferenceProvider.Tests.Infrastructure;
using Shouldly;

namespace GpConnect.ReferenceProvider.Tests.Hosting;

/// <summary>
/// ReferenceProviderOptions.AsOf: the practice (seeded diary, today, booking horizon) lives on that UK date at the real
/// time of day, while JWT timing keeps the real clock.
/// </summary>
public sealed class AsOfTests
{
    private static JsonObject[] Slots(FhirResponse response) =>
        response.Entries().Where(r => r["resourceType"]!.GetValue<string>() == "Slot").ToArray();

    [Fact]
    public async Task The_seeded_diary_follows_the_as_of_date_and_a_real_time_jwt_is_still_accepted()
    {
        // Real clock: Monday 1 June 2026 10:00 UTC. The practice lives on Friday 26 March 2027, two days before the clocks go forward.
        await using var session = await ProviderSession.StartAsync(o => o.AsOf = new DateOnly(2027, 3, 26));

        var response = await session.GetAsync("/Slot?status=free&start=ge2027-03-27&end=le2027-04-02&_include=Slot:schedule", InteractionIds.SearchSlots);

        response.Status.ShouldBe(HttpStatusCode.OK, response.Body);
        var slots = Slots(response);
        slots.ShouldNotBeEmpty();
        // Friday 26 March's time of day is the real one (11:00 BST in June → 11:00 GMT in March): slots start on the Monday after.
        var starts = slots.Select(s => DateTimeOffset.Parse(s["start"]!.GetValue<string>())).ToArray();
        starts.ShouldAllBe(s => s >= new DateTimeOffset(2027, 3, 29, 0, 0, 0, TimeSpan.FromHours(1)));
        slots.ShouldAllBe(s => s["start"]!.GetValue<string>().EndsWith("+01:00"));
    }

    [Fact]
    public async Task Without_an_as_of_date_the_diary_of_the_real_date_is_served()
    {
        await using var session = await ProviderSession.StartAsync();

        var moved = await session.GetAsync("/Slot?status=free&start=ge2027-03-27&end=le2027-04-02&_include=Slot:schedule", InteractionIds.SearchSlots);
        var real = await session.GetAsync("/Slot?status=free&start=ge2026-06-02&end=le2026-06-05&_include=Slot:schedule", InteractionIds.SearchSlots);

        Slots(moved).ShouldBeEmpty();
        Slots(real).ShouldNotBeEmpty();
    }

    [Fact]
    public void The_command_line_takes_an_as_of_date_and_refuses_a_bad_one()
    {
        ProviderCommandLine.Parse(["--as-of", "2028-02-29"])!.AsOf.ShouldBe(new DateOnly(2028, 2, 29));
        Should.Throw<ArgumentException>(() => ProviderCommandLine.Parse(["--as-of", "2027-02-29"])).Message.ShouldContain("--as-of");
    }
}
