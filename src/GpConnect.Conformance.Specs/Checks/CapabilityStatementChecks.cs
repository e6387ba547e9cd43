using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Specs.Checks;

/// <summary>Checks on the CapabilityStatement returned by GET [base]/metadata (spec: Get the FHIR capability statement).</summary>
public static class CapabilityStatementChecks
{
    /// <summary>
    /// CapabilityStatement.version equals the version expected for the target (spec: Get the FHIR capability statement, CORE-112). The expectation
    /// comes from <see cref="SpecVersionExpectations"/> unless config Expectations:CapabilityVersion overrides it.
    /// </summary>
    public static Check Version(ProviderResponse response, SpecVersionExpectations expectations)
    {
        var check = ResponseChecks.ResourceType(response, "CapabilityStatement");
        if (!check.Passed) return check;
        var actual = response.Resource!.SelectValue("version");
        var expected = expectations.CapabilityVersion;
        if (actual != expected)
            check.Fail("CORE-112", "CapabilityStatement.version", expected, actual ?? "absent",
                $"CapabilityStatement.version is {(actual is null ? "absent" : $"\"{actual}\"")} but a provider built to GP Connect " +
                $"{expectations.SpecVersion} must declare \"{expected}\" ({expectations.CapabilityVersionBasis}).");
        return check;
    }
}
