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
        "GPConnect-OperationOutcome-1|OperationOutcome.issue.details.coding.system|fixed =https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1|fixed ",
        "GPConnect-Slot-1|Slot.serviceType|0..*|0..1",
    };

    /// <summary>
    /// Codes the release notes add to the official value sets (#826 Visit, #636 extended job roles), and every Spine error
    /// code again under the value set URL as its system (core.md A-02 accepts either URL): value set | system | code.
    /// </summary>
    private static readonly string[] DeliberateValueSetAdditions =
        new[] { $"GPConnect-DeliveryChannel-1|{ReleaseNoteOverrides.DeliveryChannelSystem}|Visit" }
            .Concat(ReleaseNoteOverrides.ExtendedPractitionerRoles.Select(r => $"GPConnect-PractitionerRole-1|{ReleaseNoteOverrides.SdsJobRoleSystem}|{r.Code}"))
            .Concat(BuiltInDefinitions.Instance.FindValueSet(ReleaseNoteOverrides.SpineErrorValueSet)!.Codes
                .Where(c => c.System == ReleaseNoteOverrides.SpineErrorCodeSystem)
                .Select(c => $"Spine-ErrorOrWarningCode-1|{ReleaseNoteOverrides.SpineErrorValueSet}|{c.Code}"))
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
    public void Generated_built_in_file_is_reproducible_from_the_official_assets()
    {
        var built = BuiltInDefinitionsBuilder.Build(Official(), out var missing);
        var expected = BuiltInDefinitionsBuilder.Render(built);
        var embedded = BuiltInDefinitionsBuilder.EmbeddedText().Replace("\r\n", "\n");
        if (embedded != expected)
        {
            var fresh = Path.Combine(Path.GetTempPath(), "GpConnect.fdef");
            File.WriteAllText(fresh, expected);
            Assert.Fail($"Definitions/Data/GpConnect.fdef differs from what the official assets give; a regenerated copy is at {fresh}.");
        }
        // What the official folder lacks is hand-maintained in Hl7Base.fdef, or deliberately left unchecked (listed).
        var unresolved = missing.Where(u => BuiltInDefinitions.Instance.FindStructure(u) is null && BuiltInDefinitions.Instance.FindValueSet(u) is null)
            .OrderBy(u => u, StringComparer.Ordinal).ToArray();
        unresolved.ShouldBe(UncheckedValueSets.OrderBy(u => u, StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// Value sets bound by the in-scope definitions that neither the official folder nor Hl7Base.fdef holds, so their
    /// bindings are not checked: external or very large terminologies (SNOMED CT, HL7 v2/v3 tables, BCP-47 languages,
    /// BCP-13 mime types) and the 2023 SDS job-role value set that 1.2.7 does not use (#636).
    /// </summary>
    private static readonly string[] UncheckedValueSets =
    {
        "http://hl7.org/fhir/ValueSet/all-types", "http://hl7.org/fhir/ValueSet/c80-practice-codes",
        "http://hl7.org/fhir/ValueSet/contactentity-type", "http://hl7.org/fhir/ValueSet/encounter-participant-type",
        "http://hl7.org/fhir/ValueSet/encounter-reason", "http://hl7.org/fhir/ValueSet/event-timing",
        "http://hl7.org/fhir/ValueSet/identifier-type", "http://hl7.org/fhir/ValueSet/languages",
        "http://hl7.org/fhir/ValueSet/security-labels", "http://hl7.org/fhir/ValueSet/timing-abbreviation",
        "http://hl7.org/fhir/ValueSet/usage-context-type", "http://hl7.org/fhir/ValueSet/v2-0116",
        "http://hl7.org/fhir/ValueSet/v2-0131", "http://hl7.org/fhir/ValueSet/v2-0276",
        "http://hl7.org/fhir/ValueSet/v3-ServiceDeliveryLocationRoleType", "http://www.rfc-editor.org/bcp/bcp13.txt",
        "https://fhir.hl7.org.uk/STU3/ValueSet/CareConnect-SDSJobRoleName-1",
    };

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
