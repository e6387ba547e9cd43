using Reqnroll;
using GpConnect.Conformance.Fhir.Validation;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Checks;
using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Specs.Steps;

/// <summary>Then steps about searchset Bundles and the resources in their entries.</summary>
[Binding]
public sealed class BundleSteps(ConsumerSession session, ProfileValidator validator, SpecVersionExpectations expectations)
{
    [Then(@"^the response should be a searchset Bundle$")]
    public void Searchset() => BundleChecks.Searchset(session.LastResponse).ThrowIfFailed();

    [Then(@"^the response should be a searchset Bundle containing at least one ""(\w+)""$")]
    public void ContainsAtLeastOne(string resourceType) => BundleChecks.Contains(session.LastResponse, resourceType).ThrowIfFailed();

    [Then(@"^every ""(\w+)"" in the bundle should have at most the allowed number of ""serviceType"" entries$")]
    public void ServiceTypeAtMostAllowed(string resourceType) =>
        BundleChecks.EveryEntryAtMost(session.LastResponse, resourceType, "serviceType", expectations.ServiceTypeMax,
            $"#912 seed cardinality 0..{expectations.ServiceTypeMax}, config expectations:serviceTypeMax").ThrowIfFailed();

    [Then(@"^every ""(\w+)"" in the bundle should have at most (\d+) ""(\w+)"" entr(?:y|ies)$")]
    public void AtMost(string resourceType, int max, string element) =>
        BundleChecks.EveryEntryAtMost(session.LastResponse, resourceType, element, max).ThrowIfFailed();

    [Then(@"^every ""(\w+)"" in the bundle should have a non-empty ""([\w.]+)""$")]
    public void EveryHasValue(string resourceType, string path) =>
        BundleChecks.EveryEntryHasValue(session.LastResponse, resourceType, path).ThrowIfFailed();

    [Then(@"^every ""(\w+)"" in the bundle that has a ""(\w+)"" should have a non-empty ""([\w.]+)""$")]
    public void EveryWithElementHasValue(string resourceType, string element, string path) =>
        BundleChecks.EveryEntryHasValue(session.LastResponse, resourceType, path, e => e.Children(element).Any()).ThrowIfFailed();

    [Then(@"^no ""(\w+)"" in the bundle should have an? ""(\w+)"" element$")]
    public void NoneHas(string resourceType, string element) =>
        BundleChecks.NoEntryHas(session.LastResponse, resourceType, element).ThrowIfFailed();

    [Then(@"^the response bundle entries should be valid against their GP Connect profiles$")]
    public void EntriesValid() => BundleChecks.EntriesValid(session.LastResponse, validator).ThrowIfFailed();
}
