using GpConnect.Conformance.Specs.Checks.Core;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Core;

public sealed class CoreConventionChecksTests
{
    private const string Slot = """{"resourceType":"Slot","id":"81","meta":{"versionId":"1","profile":["https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Slot-1"]},"schedule":{"reference":"Schedule/1"}}""";

    private static string Bundle(params string[] resources) =>
        $$"""{"resourceType":"Bundle","type":"searchset","entry":[{{string.Join(",", resources.Select(r => $"{{\"resource\":{r}}}"))}}]}""";

    [Fact]
    public void A_read_passes_with_its_profile_version_and_the_requested_id()
    {
        ConventionChecks.RootIdentity(CoreResponses.With(200, CoreResponses.Organization), "1").Passed.ShouldBeTrue();
    }

    [Fact]
    public void A_read_fails_on_another_id_a_missing_version_or_the_wrong_profile()
    {
        ConventionChecks.RootIdentity(CoreResponses.With(200, CoreResponses.Organization), "2")
            .Failures.ShouldHaveSingleItem().Rule.ShouldBe("id.matches-url");
        ConventionChecks.RootIdentity(CoreResponses.With(200, CoreResponses.Organization.Replace("\"versionId\":\"7\",", "")), "1")
            .Failures.ShouldHaveSingleItem().Rule.ShouldBe("meta.versionId");
        ConventionChecks.RootIdentity(CoreResponses.With(200, CoreResponses.Organization.Replace("CareConnect-GPC-Organization-1", "CareConnect-Organization-1")), "1")
            .Failures.ShouldHaveSingleItem().Message.ShouldContain("CareConnect-GPC-Organization-1");
    }

    [Fact]
    public void Every_bundle_entry_is_checked_and_each_failure_names_its_entry()
    {
        var noMeta = """{"resourceType":"Schedule","id":"1"}""";

        var check = ConventionChecks.EveryEntryIdentity(CoreResponses.With(200, Bundle(Slot, noMeta)));

        check.Failures.Select(f => f.Rule).ShouldBe(["meta.profile", "meta.versionId"], ignoreOrder: true);
        check.Failures.ShouldAllBe(f => f.Path!.Contains("entry[1]"));
    }

    [Fact]
    public void References_must_be_relative_and_at_least_one_must_be_present()
    {
        ConventionChecks.RelativeReferences(CoreResponses.With(200, Bundle(Slot)), out var count).Passed.ShouldBeTrue();
        count.ShouldBe(1);

        var absolute = Slot.Replace("Schedule/1", "https://provider.example/A20047/STU3/1/gpconnect/Schedule/1");
        ConventionChecks.RelativeReferences(CoreResponses.With(200, Bundle(absolute)), out _)
            .Failures.ShouldHaveSingleItem().Rule.ShouldBe("reference.relative");

        ConventionChecks.RelativeReferences(CoreResponses.With(200, CoreResponses.Organization), out _)
            .Failures.ShouldHaveSingleItem().Rule.ShouldBe("reference.present");
    }

    [Fact]
    public void Searchset_entries_must_not_carry_full_url()
    {
        ConventionChecks.NoFullUrl(CoreResponses.With(200, Bundle(Slot))).Passed.ShouldBeTrue();

        var withFullUrl = $$"""{"resourceType":"Bundle","type":"searchset","entry":[{"fullUrl":"Slot/81","resource":{{Slot}}}]}""";
        ConventionChecks.NoFullUrl(CoreResponses.With(200, withFullUrl)).Failures.ShouldHaveSingleItem().Rule.ShouldBe("bundle.entry.fullUrl");
    }
}
