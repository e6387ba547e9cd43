using GpConnect.Conformance.Specs.Checks.Appointments;
using GpConnect.Conformance.Specs.Domain.Appointments;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Appointments;

public sealed class SlotSearchChecksTests
{
    private const string Role = """{"url":"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-PractitionerRole-1","valueCodeableConcept":{"coding":[{"system":"https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1","code":"R0260","display":"General Medical Practitioner"}]}}""";
    private const string Slot = """{"resourceType":"Slot","id":"7","schedule":{"reference":"Schedule/1"},"status":"free","start":"2026-06-02T09:00:00+01:00","end":"2026-06-02T09:10:00+01:00"}""";
    private const string Schedule = """{"resourceType":"Schedule","id":"1","extension":[ROLE],"actor":[{"reference":"Location/1"},{"reference":"Practitioner/1"}]}""";
    private const string Location = """{"resourceType":"Location","id":"1","meta":{"versionId":"1","profile":["https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Location-1"]},"name":"Main site","managingOrganization":{"reference":"Organization/1"}}""";
    private const string Organization = """{"resourceType":"Organization","id":"1","meta":{"versionId":"1","profile":["https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Organization-1"]},"identifier":[{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"A20047"}],"name":"Surgery"}""";

    private static Domain.ProviderResponse Bundle(params string[] resources) =>
        CannedResponses.Json(200, $$"""{"resourceType":"Bundle","type":"searchset","entry":[{{string.Join(",", resources.Select(r => $$"""{"resource":{{r}}}"""))}}]}""");

    private static string ScheduleWith(string role = Role) => Schedule.Replace("ROLE", role);

    [Fact]
    public void Slots_must_lie_wholly_inside_the_window()
    {
        var response = Bundle(Slot);
        var start = new DateTimeOffset(2026, 6, 2, 9, 0, 0, TimeSpan.FromHours(1));
        SlotSearchChecks.EverySlotInsideWindow(response, start, start.AddMinutes(10)).Passed.ShouldBeTrue();
        SlotSearchChecks.EverySlotInsideWindow(response, start.AddMinutes(1), start.AddHours(1)).Failures.ShouldHaveSingleItem().Message.ShouldContain("lies outside the search window");
        SlotSearchChecks.EverySlotInsideWindow(response, start, start.AddMinutes(9)).Passed.ShouldBeFalse();
    }

    [Fact]
    public void A_found_slot_is_reported_when_offered_against_expectation()
    {
        SlotSearchChecks.SlotOffered(Bundle(Slot), "7", expected: false, "why").Failures.ShouldHaveSingleItem().Message.ShouldContain("should not be offered");
        SlotSearchChecks.SlotOffered(Bundle(Slot), "8", expected: true, "why").Failures.ShouldHaveSingleItem().Message.ShouldContain("should be offered but is not");
        SlotSearchChecks.SlotOffered(Bundle(Slot), "7", expected: true, "why").Passed.ShouldBeTrue();
    }

    [Fact]
    public void Schedules_must_be_included_and_none_may_be_orphaned()
    {
        SlotSearchChecks.EverySlotScheduleInBundle(Bundle(Slot, ScheduleWith())).Passed.ShouldBeTrue();
        SlotSearchChecks.EverySlotScheduleInBundle(Bundle(Slot)).Failures.ShouldHaveSingleItem().Message.ShouldContain("which the bundle does not hold");
        SlotSearchChecks.NoOrphansOrOtherTypes(Bundle(Slot, ScheduleWith())).Passed.ShouldBeTrue();
        SlotSearchChecks.NoOrphansOrOtherTypes(Bundle(Slot, ScheduleWith(), ScheduleWith().Replace("\"id\":\"1\"", "\"id\":\"2\"")))
            .Failures.ShouldHaveSingleItem().Message.ShouldContain("Schedule/2");
        SlotSearchChecks.NoOrphansOrOtherTypes(Bundle(Slot, ScheduleWith(), """{"resourceType":"Patient","id":"1"}"""))
            .Failures.ShouldHaveSingleItem().Rule.ShouldBe("slot-search.resource-types");
    }

    [Fact]
    public void Every_schedule_needs_a_location_actor()
    {
        SlotSearchChecks.EveryScheduleHasLocationActor(Bundle(ScheduleWith())).Passed.ShouldBeTrue();
        SlotSearchChecks.EveryScheduleHasLocationActor(Bundle(ScheduleWith().Replace("""{"reference":"Location/1"},""", "")))
            .Failures.ShouldHaveSingleItem().Message.ShouldContain("has no Location actor");
    }

    [Fact]
    public void Included_actors_must_be_present_with_their_elements_and_managed_by_the_bundled_organisation()
    {
        var required = new[] { "meta.profile", "meta.versionId", "name", "managingOrganization" };
        SlotSearchChecks.IncludedActors(Bundle(ScheduleWith(), Location), "Location", required, ["endpoint"]).Passed.ShouldBeTrue();
        SlotSearchChecks.IncludedActors(Bundle(ScheduleWith()), "Location", required, ["endpoint"]).Failures.ShouldHaveSingleItem().Message.ShouldContain("does not hold it");
        SlotSearchChecks.IncludedActors(Bundle(ScheduleWith(), Location.Replace(""","managingOrganization":{"reference":"Organization/1"}""", "")), "Location", required, ["endpoint"])
            .Failures.ShouldHaveSingleItem().Message.ShouldContain("has no managingOrganization");
        SlotSearchChecks.IncludedActors(Bundle(ScheduleWith(), Location.Replace("\"name\"", "\"endpoint\":[{\"reference\":\"Endpoint/1\"}],\"name\"")), "Location", required, ["endpoint"])
            .Failures.ShouldHaveSingleItem().Message.ShouldContain("carries endpoint");
        SlotSearchChecks.LocationsManagedByBundledOrganisation(Bundle(Location, Organization)).Passed.ShouldBeTrue();
        SlotSearchChecks.LocationsManagedByBundledOrganisation(Bundle(Location)).Passed.ShouldBeFalse();
        SlotSearchChecks.HasLocationNamed(Bundle(Location), "Branch").Failures.ShouldHaveSingleItem().Message.ShouldContain("Main site");
    }

    [Fact]
    public void The_organisation_must_carry_the_service_roots_ods_code_and_no_endpoint()
    {
        SlotSearchChecks.PracticeOrganisation(Bundle(Organization), "A20047").Passed.ShouldBeTrue();
        SlotSearchChecks.PracticeOrganisation(Bundle(Organization), "B81001").Failures.ShouldHaveSingleItem().Message.ShouldContain("should carry the ODS code B81001");
        SlotSearchChecks.PracticeOrganisation(Bundle(Organization.Replace("\"name\"", "\"endpoint\":[{\"reference\":\"Endpoint/1\"}],\"name\"")), "A20047")
            .Failures.ShouldHaveSingleItem().Message.ShouldContain("carries endpoint");
        SlotSearchChecks.PracticeOrganisation(Bundle(Slot), "A20047").Passed.ShouldBeFalse();
    }

    [Fact]
    public void An_empty_searchset_has_no_entries_at_all()
    {
        SlotSearchChecks.Empty(CannedResponses.Json(200, """{"resourceType":"Bundle","type":"searchset"}""")).Passed.ShouldBeTrue();
        SlotSearchChecks.Empty(Bundle(Organization)).Failures.ShouldHaveSingleItem().Message.ShouldContain("1 Organization");
    }

    [Fact]
    public void Practitioner_roles_need_one_coding_the_sds_system_and_the_listed_display()
    {
        Domain.ProviderResponse With(string role) => Bundle(ScheduleWith(role));
        SlotSearchChecks.PractitionerRoles(With(Role).BundleEntries("Schedule"), roleRequired: true).Passed.ShouldBeTrue();
        SlotSearchChecks.PractitionerRoles(With(Role.Replace("fhir.nhs.uk/STU3/CodeSystem", "fhir.hl7.org.uk/STU3/CodeSystem")).BundleEntries("Schedule"), true)
            .Failures.ShouldHaveSingleItem().Message.ShouldContain("uses the system");
        SlotSearchChecks.PractitionerRoles(With(Role.Replace("General Medical Practitioner", "Doctor")).BundleEntries("Schedule"), true)
            .Failures.ShouldHaveSingleItem().Message.ShouldContain("the listed display is \"General Medical Practitioner\"");
        SlotSearchChecks.PractitionerRoles(With(Role.Replace("R0260", "GP")).BundleEntries("Schedule"), true)
            .Failures.ShouldHaveSingleItem().Rule.ShouldBe("practitioner-role.code");
        // Another SDS job role: the binding is extensible, so it is not a failure.
        SlotSearchChecks.PractitionerRoles(With(Role.Replace("R0260", "R9999")).BundleEntries("Schedule"), true).Passed.ShouldBeTrue();
        SlotSearchChecks.PractitionerRoles(Bundle(Schedule.Replace("ROLE", "")).BundleEntries("Schedule"), true)
            .Failures.ShouldHaveSingleItem().Rule.ShouldBe("practitioner-role.present");
        SlotSearchChecks.PractitionerRoles(Bundle(Schedule.Replace("ROLE", "")).BundleEntries("Schedule"), false).Passed.ShouldBeTrue();
        PractitionerRoleCodes.Displays.Count.ShouldBe(28);
    }

    [Fact]
    public void A_slot_of_the_unbookable_time_is_reported()
    {
        SlotSearchChecks.NoSlotAt(Bundle(Slot), "1", new TimeOnly(9, 0)).Failures.ShouldHaveSingleItem().Message.ShouldContain("Slot/7");
        SlotSearchChecks.NoSlotAt(Bundle(Slot), "1", new TimeOnly(10, 50)).Passed.ShouldBeTrue();
        SlotSearchChecks.NoSlotAt(Bundle(Slot), "2", new TimeOnly(9, 0)).Passed.ShouldBeTrue();
    }

    [Fact]
    public void Slots_after_the_last_bookable_day_are_reported()
    {
        SlotSearchChecks.NoSlotAfter(Bundle(Slot), new DateOnly(2026, 6, 2)).Passed.ShouldBeTrue();
        SlotSearchChecks.NoSlotAfter(Bundle(Slot), new DateOnly(2026, 6, 1)).Failures.ShouldHaveSingleItem().Message.ShouldContain("beyond the practice's booking window");
    }

    [Fact]
    public void Found_slots_read_their_times_with_the_offset_written()
    {
        var slot = FoundSlot.From("7", "2026-06-02T09:00:00+01:00", "2026-06-02T09:10:00+01:00").ShouldNotBeNull();
        slot.Start.Offset.ShouldBe(TimeSpan.FromHours(1));
        FoundSlot.From("7", "not a time", "2026-06-02T09:10:00+01:00").ShouldBeNull();
        FoundSlot.From(null, "2026-06-02T09:00:00+01:00", "2026-06-02T09:10:00+01:00").ShouldBeNull();
    }
}
