using Reqnroll;
using GpConnect.Conformance.Fhir.Validation;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Checks;
using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Specs.Steps;

/// <summary>Then steps about the last response as a whole: status, resource type, profile, values, errors.</summary>
[Binding]
public sealed class ResponseSteps(ConsumerSession session, ProfileValidator validator)
{
    [Then(@"^the response status should be (\d+)$")]
    public void Status(int status) => ResponseChecks.Status(session.LastResponse, status).ThrowIfFailed();

    [Then(@"^the response should be an? ""(\w+)"" resource$")]
    public void ResourceType(string resourceType) => ResponseChecks.ResourceType(session.LastResponse, resourceType).ThrowIfFailed();

    [Then(@"^the response should be valid against the ""([^""]+)"" profile$")]
    public void ValidAgainst(string profile) => ResponseChecks.ValidAgainst(session.LastResponse, validator, profile).ThrowIfFailed();

    [Then(@"^the response element ""([^""]+)"" should be ""([^""]*)""$")]
    public void ElementValue(string path, string value) => ResponseChecks.ElementValue(session.LastResponse, path, value).ThrowIfFailed();

    [Then(@"^the response should have these element values:$")]
    public void ElementValues(Table table)
    {
        var check = new Check();
        foreach (var row in table.Rows) check.Add(ResponseChecks.ElementValue(session.LastResponse, row["element"], row["value"]).Failures);
        check.ThrowIfFailed();
    }

    [Then(@"^the response should be an OperationOutcome with Spine error code ""(\w+)""$")]
    public void OperationOutcome(string spineCode) =>
        ResponseChecks.OperationOutcome(session.LastResponse, spineCode, validator).ThrowIfFailed();
}
