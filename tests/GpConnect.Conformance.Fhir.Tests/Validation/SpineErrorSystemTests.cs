using GpConnect.Conformance.Fhir;
using GpConnect.Conformance.Fhir.Validation;
using Shouldly;

namespace GpConnect.Conformance.Fhir.Tests.Validation;

/// <summary>core.md A-02: the Spine error coding may name the value set URL or the code system URL; anything else fails.</summary>
public sealed class SpineErrorSystemTests
{
    private static ValidationReport Validate(string system)
    {
        var json = $$"""
            {"resourceType":"OperationOutcome",
             "meta":{"profile":["https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1"]},
             "issue":[{"severity":"error","code":"invalid",
               "details":{"coding":[{"system":"{{system}}","code":"BAD_REQUEST","display":"Bad request"}]},
               "diagnostics":"x"}]}
            """;
        var root = FhirParser.Parse(json).Root.ShouldNotBeNull();
        return ProfileValidator.CreateDefault().Validate(root, "GPConnect-OperationOutcome-1");
    }

    [Theory]
    [InlineData("https://fhir.nhs.uk/STU3/ValueSet/Spine-ErrorOrWarningCode-1")]
    [InlineData("https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1")]
    public void Either_spine_url_is_accepted(string system) => Validate(system).Errors.ShouldBeEmpty();

    [Fact]
    public void Another_system_fails_the_required_binding() =>
        Validate("http://fhir.nhs.net/ValueSet/gpconnect-error-or-warning-code-1").Errors
            .ShouldContain(f => f.Rule == "binding.required");
}
