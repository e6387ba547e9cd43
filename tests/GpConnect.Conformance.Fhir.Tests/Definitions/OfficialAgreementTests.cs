using GpConnect.Conformance.Fhir.Definitions;
using GpConnect.Conformance.Fhir.Tests.Support;
using GpConnect.Conformance.Fhir.Validation;
using Shouldly;

namespace GpConnect.Conformance.Fhir.Tests.Definitions;

/// <summary>The built-in definitions must agree with the official assets (../shared/fhir) except for the deliberate 1.2.7 release-note changes.</summary>
public class OfficialAgreementTests
{
    /// <summary>Where the release notes (#912) win over the official profile assets: profile | path | official | built-in.</summary>
    private static readonly string[] DeliberateCardinalityDifferences =
    {
        "GPConnect-Appointment-1|Appointment.serviceType|0..*|0..1",
        "GPConnect-Slot-1|Slot.serviceType|0..*|0..1",
    };

    /// <summary>Codes the release notes add to the official value sets (#826 Visit, #636 extended job roles): value set | system | code.</summary>
    private static readonly string[] DeliberateValueSetAdditions =
        new[] { $"GPConnect-DeliveryChannel-1|{ReleaseNoteOverrides.DeliveryChannelSystem}|Visit" }
            .Concat(ReleaseNoteOverrides.ExtendedPractitionerRoles.Select(r => $"GPConnect-PractitionerRole-1|{ReleaseNoteOverrides.SdsJobRoleSystem}|{r.Code}"))
            .OrderBy(x => x, StringComparer.Ordinal).ToArray();

    private static readonly Lazy<DefinitionSet> OfficialSet = new(() => OfficialDefinitionLoader.LoadDirectory(SharedFolder.Require("fhir")));

    private static DefinitionSet Official()
    {
        SharedFolder.Require("fhir");
        return OfficialSet.Value;
    }

    [Fact]
    public void Built_in_min_max_and_fixed_values_match_the_official_snapshots_except_the_listed_release_note_changes()
    {
        var official = Official();
        var builtIn = BuiltInDefinitions.Instance;
        var differences = new List<string>();
        var compared = 0;
        foreach (var mine in builtIn.Structures)
        {
            var theirs = official.FindStructure(mine.Url);
            if (theirs is null) continue;
            foreach (var e in mine.Elements)
            {
                var o = theirs.Find(e.Path);
                if (o is null) continue;
                compared++;
                if (o.Min != e.Min || o.Max != e.Max)
                    differences.Add($"{mine.Name}|{e.Path}|{o.Min}..{o.MaxText}|{e.Min}..{e.MaxText}");
                var mineFixed = string.Join(";", e.Fixed.Select(kv => kv.Key + "=" + kv.Value));
                var theirFixed = string.Join(";", o.Fixed.Select(kv => kv.Key + "=" + kv.Value));
                if (mineFixed != theirFixed) differences.Add($"{mine.Name}|{e.Path}|fixed {theirFixed}|fixed {mineFixed}");
            }
        }
        compared.ShouldBeGreaterThan(1000, "the built-in and official definitions should share most element paths");
        differences.OrderBy(x => x, StringComparer.Ordinal).ShouldBe(DeliberateCardinalityDifferences);
    }

    [Fact]
    public void Every_in_scope_official_profile_and_its_extensions_are_built_in()
    {
        var official = Official();
        foreach (var name in GpConnectProfiles.ResourceTypes.Select(GpConnectProfiles.NameFor))
        {
            var theirs = official.FindStructure(name!).ShouldNotBeNull(name);
            var mine = BuiltInDefinitions.Instance.FindStructure(name!).ShouldNotBeNull(name);
            mine.Url.ShouldBe(theirs.Url);
            foreach (var ext in theirs.Elements.SelectMany(e => e.Types).Where(t => t.Code == "Extension").SelectMany(t => t.Profiles).Distinct())
                BuiltInDefinitions.Instance.FindStructure(ext).ShouldNotBeNull($"{name} uses extension {ext}");
        }
    }

    [Fact]
    public void Built_in_value_sets_hold_the_official_codes_plus_the_release_note_additions()
    {
        var official = Official();
        var added = new List<string>();
        foreach (var mine in BuiltInDefinitions.Instance.ValueSets)
        {
            var theirs = official.FindValueSet(mine.Url);
            if (theirs is null) continue;
            foreach (var c in theirs.Codes)
                mine.Find(c.System, c.Code).ShouldNotBeNull($"{mine.Name} lacks official code {c.System}|{c.Code}");
            foreach (var c in mine.Codes)
                if (theirs.Find(c.System, c.Code) is null) added.Add($"{mine.Name}|{c.System}|{c.Code}");
        }
        added.OrderBy(x => x, StringComparer.Ordinal).ShouldBe(DeliberateValueSetAdditions);
    }

    [Fact]
    public void Validator_over_the_official_directory_gives_the_same_verdicts_with_release_notes_applied()
    {
        var fromDirectory = ProfileValidator.FromDirectory(SharedFolder.Require("fhir"));
        var slot = Fixtures.Parse(Fixtures.SlotJson.Replace("\"valueCode\": \"In-person\"", "\"valueCode\": \"Visit\""));
        fromDirectory.Validate(slot, "GPConnect-Slot-1").Findings.ShouldBeEmpty();
        var two = Fixtures.Parse(Fixtures.SlotJson.Replace("[ { \"text\": \"General GP Appointment\" } ]", "[ { \"text\": \"A\" }, { \"text\": \"B\" } ]"));
        fromDirectory.Validate(two, "GPConnect-Slot-1").Findings.Select(f => $"{f.Rule}|{f.Path}").ShouldBe(new[] { "cardinality.max|Slot.serviceType" });

        var asPublished = ProfileValidator.FromDirectory(SharedFolder.Require("fhir"), new ValidatorOptions { ApplyReleaseNoteOverrides = false });
        asPublished.Validate(two, "GPConnect-Slot-1").Findings.ShouldBeEmpty();
        asPublished.Validate(slot, "GPConnect-Slot-1").Findings.Select(f => $"{f.Rule}|{f.Path}").ShouldBe(new[] { "binding.extensible|Slot.extension[0].valueCode" });
    }
}
