using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GpConnect.ReferenceProvider.Practice;
using GpConnect.ReferenceProvider.Tests.Infrastructure;
using Shouldly;

namespace GpConnect.ReferenceProvider.Tests.Interactions;

public sealed class SlotSearchTests : IAsyncLifetime
{
    private const string Includes = "&_include=Slot:schedule";
    private const string AllIncludes = Includes + "&_include:recurse=Schedule:actor:Practitioner&_include:recurse=Schedule:actor:Location&_include:recurse=Location:managingOrganization";
    private const string OdsFilter = "&searchFilter=https://fhir.nhs.uk/Id/ods-organization-code%7CGPCC001";
    private const string UrgentCareFilter = "&searchFilter=https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1%7Curgent-care";
    // Tuesday 2 to Friday 5 June 2026, seen from Monday 1 June.
    private const string Window = "?status=free&start=ge2026-06-02&end=le2026-06-05";

    private ProviderSession _session = null!;
    private PracticeStore _seed = null!;

    public async ValueTask InitializeAsync()
    {
        _session = await ProviderSession.StartAsync();
        _seed = PracticeSeeder.Seed("A20047", _session.Clock);
        // The seeded appointment book makes the slots of its booked appointments busy.
        GpConnect.ReferenceProvider.Practice.Appointments.AppointmentSeeder.Seed(_seed, _session.Clock);
    }

    public async ValueTask DisposeAsync() => await _session.DisposeAsync();

    private Task<FhirResponse> Search(string query) => _session.GetAsync("/Slot" + query, InteractionIds.SearchSlots);

    private static IEnumerable<JsonObject> OfType(IEnumerable<JsonObject> resources, string type) =>
        resources.Where(r => r["resourceType"]!.GetValue<string>() == type);

    private static string[] Ids(IEnumerable<JsonObject> resources) => resources.Select(r => r["id"]!.GetValue<string>()).ToArray();

    private string[] ExpectedSlotIds(Func<BookingRestriction, bool> open)
    {
        var start = new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.FromHours(1));
        var end = new DateTimeOffset(2026, 6, 6, 0, 0, 0, TimeSpan.FromHours(1));
        return _seed.Slots(s => s.Status == "free" && s.GpConnectBookable && s.DeliveryChannel != "Visit"
                && s.Start >= start && s.End <= end && open(s.Restriction))
            .Select(s => s.Id).ToArray();
    }

    [Fact]
    public async Task Returns_exactly_the_free_bookable_unrestricted_slots_inside_the_window()
    {
        var response = await Search(Window + Includes);

        response.Status.ShouldBe(HttpStatusCode.OK, response.Body);
        var slots = OfType(response.Entries(), "Slot").ToArray();
        slots.Length.ShouldBeGreaterThan(20);
        Ids(slots).ShouldBe(ExpectedSlotIds(r => r.OrganisationType is null && r.OdsCodes is null), ignoreOrder: true);
        slots.ShouldAllBe(s => s["status"]!.GetValue<string>() == "free");
    }

    [Fact]
    public async Task Busy_visit_unbookable_and_restricted_seeded_slots_are_absent()
    {
        var returned = Ids(OfType((await Search(Window + Includes)).Entries(), "Slot")).ToHashSet();
        var excluded = _seed.Slots(s => s.Start >= new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.FromHours(1))
            && s.End <= new DateTimeOffset(2026, 6, 6, 0, 0, 0, TimeSpan.FromHours(1))
            && (s.Status != "free" || s.DeliveryChannel == "Visit" || !s.GpConnectBookable || s.Restriction != BookingRestriction.None));

        excluded.Select(s => s.DeliveryChannel).ShouldContain("Visit");
        excluded.Select(s => s.Status).ShouldContain("busy");
        excluded.ShouldAllBe(s => !returned.Contains(s.Id));
    }

    [Fact]
    public async Task Bundle_is_a_searchset_without_full_urls_and_every_resource_has_profile_and_version()
    {
        var bundle = (await Search(Window + AllIncludes)).Json;

        bundle["type"]!.GetValue<string>().ShouldBe("searchset");
        foreach (var entry in bundle["entry"]!.AsArray())
        {
            entry!.AsObject().ContainsKey("fullUrl").ShouldBeFalse();
            var resource = entry["resource"]!;
            resource["meta"]!["versionId"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
            var expected = resource["resourceType"]!.GetValue<string>() switch
            {
                "Slot" => "GPConnect-Slot-1",
                "Schedule" => "GPConnect-Schedule-1",
                "Practitioner" => "CareConnect-GPC-Practitioner-1",
                "Location" => "CareConnect-GPC-Location-1",
                "Organization" => "CareConnect-GPC-Organization-1",
                var other => throw new ShouldAssertException($"Unexpected {other} in a slot search"),
            };
            resource["meta"]!["profile"]![0]!.GetValue<string>().ShouldBe("https://fhir.nhs.uk/STU3/StructureDefinition/" + expected);
        }
    }

    [Fact]
    public async Task Schedules_are_exactly_those_referenced_and_each_has_a_location_actor()
    {
        var resources = (await Search(Window + Includes)).Entries();
        var referenced = OfType(resources, "Slot").Select(s => s["schedule"]!["reference"]!.GetValue<string>()).Distinct().ToArray();
        var schedules = OfType(resources, "Schedule").ToArray();

        schedules.Select(s => "Schedule/" + s["id"]!.GetValue<string>()).ShouldBe(referenced, ignoreOrder: true);
        schedules.ShouldAllBe(s => s["actor"]!.AsArray().Any(a => a!["reference"]!.GetValue<string>().StartsWith("Location/")));
    }

    [Fact]
    public async Task Without_recursive_includes_only_slots_schedules_and_the_organization_are_returned()
    {
        var resources = (await Search(Window + Includes)).Entries();

        resources.Select(r => r["resourceType"]!.GetValue<string>()).Distinct().ShouldBe(["Slot", "Schedule", "Organization"], ignoreOrder: true);
        var organization = OfType(resources, "Organization").Single();
        organization["identifier"]![0]!["value"]!.GetValue<string>().ShouldBe("A20047");
    }

    [Fact]
    public async Task Recursive_includes_add_practitioners_and_locations_with_a_managing_organization()
    {
        var resources = (await Search(Window + AllIncludes)).Entries();
        var organization = OfType(resources, "Organization").Single();
        var locations = OfType(resources, "Location").ToArray();
        var practitioners = OfType(resources, "Practitioner").ToArray();
        var actors = OfType(resources, "Schedule").SelectMany(s => s["actor"]!.AsArray().Select(a => a!["reference"]!.GetValue<string>())).Distinct().ToArray();

        locations.Select(l => "Location/" + l["id"]).ShouldBe(actors.Where(a => a.StartsWith("Location/")), ignoreOrder: true);
        practitioners.Select(p => "Practitioner/" + p["id"]).ShouldBe(actors.Where(a => a.StartsWith("Practitioner/")), ignoreOrder: true);
        locations.Length.ShouldBe(2, "main and branch surgery");
        locations.ShouldAllBe(l => l["managingOrganization"]!["reference"]!.GetValue<string>() == "Organization/" + organization["id"]!.GetValue<string>());
        locations.ShouldAllBe(l => !l.ContainsKey("endpoint"));
        foreach (var forbidden in new[] { "telecom", "address", "birthDate", "photo", "qualification" })
        {
            practitioners.ShouldAllBe(p => !p.ContainsKey(forbidden));
        }
        practitioners.ShouldAllBe(p => p["identifier"]![0]!["system"]!.GetValue<string>() == "https://fhir.nhs.uk/Id/sds-user-id");
    }

    [Fact]
    public async Task A_schedule_without_a_practitioner_is_returned_with_only_a_location_actor()
    {
        var schedules = OfType((await Search(Window + AllIncludes)).Entries(), "Schedule");

        schedules.ShouldContain(s => s["actor"]!.AsArray().Count == 1);
    }

    [Fact]
    public async Task Each_slot_has_exactly_one_service_type_with_text_and_no_service_category()
    {
        var slots = OfType((await Search(Window + Includes)).Entries(), "Slot").ToArray();

        foreach (var slot in slots)
        {
            var types = slot["serviceType"]!.AsArray();
            types.Count.ShouldBe(1);
            types[0]!["text"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
            slot.ContainsKey("serviceCategory").ShouldBeFalse();
            slot.ContainsKey("specialty").ShouldBeFalse();
            slot.ContainsKey("appointmentType").ShouldBeFalse();
        }
    }

    [Fact]
    public async Task Schedules_carry_their_schedule_type_where_available_and_never_a_service_type()
    {
        var schedules = OfType((await Search(Window + Includes)).Entries(), "Schedule").ToDictionary(s => s["id"]!.GetValue<string>());

        schedules["1"]["serviceCategory"]!["text"]!.GetValue<string>().ShouldBe("Morning Surgery");
        schedules["3"].ContainsKey("serviceCategory").ShouldBeFalse("the pharmacist diary has no schedule type");
        schedules.Values.ShouldAllBe(s => !s.ContainsKey("serviceType") && !s.ContainsKey("specialty") && !s.ContainsKey("active"));
    }

    [Fact]
    public async Task Slots_have_a_non_visit_delivery_channel_and_schedules_a_practitioner_role_including_extended_roles()
    {
        var resources = (await Search(Window + Includes)).Entries();
        var channels = OfType(resources, "Slot").Select(s => s["extension"]!.AsArray()
            .Single(e => e!["url"]!.GetValue<string>() == "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-DeliveryChannel-2")!["valueCode"]!.GetValue<string>()).ToHashSet();
        var roles = OfType(resources, "Schedule").Select(s => s["extension"]!.AsArray()
            .Single(e => e!["url"]!.GetValue<string>() == "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-PractitionerRole-1")!["valueCodeableConcept"]!["coding"]![0]!).ToArray();

        channels.ShouldBe(["In-person", "Telephone", "Video"], ignoreOrder: true);
        roles.ShouldAllBe(r => r["system"]!.GetValue<string>() == "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1");
        roles.Select(r => r["code"]!.GetValue<string>()).ShouldContain("R1290");
    }

    [Fact]
    public async Task Date_times_carry_the_bst_offset_in_summer()
    {
        var resources = (await Search(Window + Includes)).Entries();
        var pattern = new Regex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+01:00$");

        OfType(resources, "Slot").ShouldAllBe(s => pattern.IsMatch(s["start"]!.GetValue<string>()) && pattern.IsMatch(s["end"]!.GetValue<string>()));
        OfType(resources, "Schedule").ShouldAllBe(s => pattern.IsMatch(s["planningHorizon"]!["start"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Date_times_switch_to_gmt_after_the_october_clock_change()
    {
        await using var autumn = await ProviderSession.StartAsync(now: new DateTimeOffset(2026, 10, 20, 10, 0, 0, TimeSpan.Zero));
        var slots = OfType((await autumn.GetAsync("/Slot?status=free&start=ge2026-10-22&end=le2026-11-03" + Includes,
            InteractionIds.SearchSlots)).Entries(), "Slot").Select(s => s["start"]!.GetValue<string>()).ToArray();

        slots.Where(s => string.CompareOrdinal(s, "2026-10-25") < 0).ShouldAllBe(s => s.EndsWith("+01:00"));
        slots.Where(s => string.CompareOrdinal(s, "2026-10-26") > 0).ShouldAllBe(s => s.EndsWith("+00:00"));
        slots.ShouldContain(s => s.EndsWith("+00:00"));
        slots.ShouldContain(s => s.EndsWith("+01:00"));
    }

    [Fact]
    public async Task Date_time_bounds_exclude_slots_that_straddle_them()
    {
        // The GP session on 2 June runs 09:00-11:00 BST in ten-minute slots; the window 09:05-10:05 cuts two of them.
        var slots = OfType((await Search("?status=free&start=ge2026-06-02T09:05:00%2B01:00&end=le2026-06-02T10:05:00%2B01:00" + Includes)).Entries(), "Slot")
            .Select(s => (Start: DateTimeOffset.Parse(s["start"]!.GetValue<string>()), End: DateTimeOffset.Parse(s["end"]!.GetValue<string>()))).ToArray();

        slots.ShouldNotBeEmpty();
        slots.ShouldAllBe(s => s.Start >= new DateTimeOffset(2026, 6, 2, 9, 5, 0, TimeSpan.FromHours(1))
            && s.End <= new DateTimeOffset(2026, 6, 2, 10, 5, 0, TimeSpan.FromHours(1)));
    }

    [Fact]
    public async Task An_empty_window_gives_an_empty_bundle_without_an_organization()
    {
        var response = await Search("?status=free&start=ge2026-06-06&end=le2026-06-07" + Includes);

        response.Status.ShouldBe(HttpStatusCode.OK);
        response.Entries().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_fourteen_day_window_is_accepted_and_a_past_window_is_not_an_error()
    {
        (await Search("?status=free&start=ge2026-06-02T00:00:00%2B01:00&end=le2026-06-16T00:00:00%2B01:00" + Includes)).Status.ShouldBe(HttpStatusCode.OK);
        (await Search("?status=free&start=ge2026-05-20&end=le2026-05-31" + Includes)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Organisation_type_filter_adds_slots_restricted_to_that_type_only()
    {
        var ids = Ids(OfType((await Search(Window + Includes + UrgentCareFilter)).Entries(), "Slot"));

        ids.ShouldBe(ExpectedSlotIds(r => (r.OrganisationType is null || r.OrganisationType == "urgent-care") && r.OdsCodes is null), ignoreOrder: true);
    }

    [Fact]
    public async Task Ods_filter_adds_slots_whose_list_holds_that_code()
    {
        var ids = Ids(OfType((await Search(Window + Includes + OdsFilter)).Entries(), "Slot"));

        ids.ShouldBe(ExpectedSlotIds(r => r.OrganisationType is null && (r.OdsCodes is null || r.OdsCodes.Contains("GPCC001"))), ignoreOrder: true);
    }

    [Fact]
    public async Task Both_filters_together_apply_the_full_restriction_matrix_and_unknown_filters_are_ignored()
    {
        var ids = Ids(OfType((await Search(Window + Includes + UrgentCareFilter + OdsFilter + "&searchFilter=https://example/disposition%7CDx01&foo=bar")).Entries(), "Slot"));

        var expected = ExpectedSlotIds(r => (r.OrganisationType is null || r.OrganisationType == "urgent-care")
            && (r.OdsCodes is null || r.OdsCodes.Contains("GPCC001")));
        ids.ShouldBe(expected, ignoreOrder: true);
        expected.Length.ShouldBeGreaterThan(ExpectedSlotIds(r => r.OrganisationType is null && r.OdsCodes is null).Length);
    }

    [Theory]
    [InlineData("?start=ge2026-06-02&end=le2026-06-05" + Includes, 400, "BAD_REQUEST")]
    [InlineData(Window, 400, "BAD_REQUEST")]
    [InlineData("?status=free&end=le2026-06-05" + Includes, 400, "BAD_REQUEST")]
    [InlineData("?status=free" + Includes, 400, "BAD_REQUEST")]
    [InlineData("?status=free&start=ge2026-06-02&start=ge2026-06-03&end=le2026-06-05" + Includes, 400, "BAD_REQUEST")]
    [InlineData("?status=busy&start=ge2026-06-02&end=le2026-06-05" + Includes, 422, "INVALID_PARAMETER")]
    [InlineData("?status=free&start=gt2026-06-02&end=le2026-06-05" + Includes, 422, "INVALID_PARAMETER")]
    [InlineData("?status=free&start=ge2026-06-02&end=ge2026-06-05" + Includes, 422, "INVALID_PARAMETER")]
    [InlineData("?status=free&start=geinvalidDate&end=le2026-06-05" + Includes, 422, "INVALID_PARAMETER")]
    [InlineData("?status=free&start=ge2026-06&end=le2026-06-05" + Includes, 422, "INVALID_PARAMETER")]
    [InlineData("?status=free&start=ge&end=le2026-06-05" + Includes, 422, "INVALID_PARAMETER")]
    [InlineData("?status=free&start=ge2026-06-02T09:00:00Z&end=le2026-06-05" + Includes, 422, "INVALID_PARAMETER")]
    [InlineData("?status=free&start=ge2026-06-02T09:00:00&end=le2026-06-05" + Includes, 422, "INVALID_PARAMETER")]
    [InlineData("?status=free&start=ge2026-06-05&end=le2026-06-02" + Includes, 422, "INVALID_PARAMETER")]
    [InlineData("?status=free&start=ge2026-06-03&end=le2026-06-02" + Includes, 422, "INVALID_PARAMETER")]
    [InlineData("?status=free&start=ge2026-06-02T00:00:00%2B01:00&end=le2026-06-17T00:00:00%2B01:00" + Includes, 422, "INVALID_PARAMETER")]
    [InlineData("?status=free&start=ge2026-06-02&end=le2026-07-02" + Includes, 422, "INVALID_PARAMETER")]
    public async Task Parameter_errors_have_their_status_and_code(string query, int status, string code)
    {
        (await Search(query)).ShouldBeError((HttpStatusCode)status, code);
    }

    [Fact]
    public async Task A_1_2_3_provider_does_not_populate_slot_or_schedule_types()
    {
        await using var older = await ProviderSession.StartAsync(o => o.SpecVersion = "1.2.3");
        var resources = (await older.GetAsync("/Slot" + Window + Includes, InteractionIds.SearchSlots)).Entries();

        OfType(resources, "Slot").ShouldNotBeEmpty();
        OfType(resources, "Slot").ShouldAllBe(s => !s.ContainsKey("serviceType"));
        OfType(resources, "Schedule").ShouldAllBe(s => !s.ContainsKey("serviceCategory"));
    }

    [Fact]
    public async Task The_slot_search_bundle_is_also_served_as_xml()
    {
        var request = _session.Request("/Slot" + Window + AllIncludes + "&_format=xml", InteractionIds.SearchSlots);
        var xml = (await _session.SendAsync(request)).Xml;
        System.Xml.Linq.XNamespace f = "http://hl7.org/fhir";

        xml.Root!.Name.ShouldBe(f + "Bundle");
        var slot = xml.Root.Elements(f + "entry").First().Element(f + "resource")!.Element(f + "Slot")!;
        slot.Element(f + "extension")!.Attribute("url")!.Value.ShouldBe("https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-DeliveryChannel-2");
        slot.Element(f + "serviceType")!.Element(f + "text")!.Attribute("value")!.Value.ShouldNotBeNullOrWhiteSpace();
        xml.Root.Descendants(f + "Location").First().Element(f + "address")!.Elements(f + "line").ShouldNotBeEmpty();
    }
}
