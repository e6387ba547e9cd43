using Reqnroll;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Checks;
using GpConnect.Conformance.Specs.Checks.Foundations;
using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Specs.Steps.Foundations;

/// <summary>Then steps about what the capability statement declares for Foundations.</summary>
[Binding]
public sealed class FoundationsCapabilitySteps(ConsumerSession session)
{
    [Then(@"^the capability statement should declare these Foundations interactions:$")]
    public void Interactions(Table table)
    {
        var check = new Check();
        foreach (var row in table.Rows)
        {
            var interactions = row["interactions"].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            check.Add(FoundationsCapabilityChecks.DeclaresInteractions(session.LastResponse, row["resource"], interactions).Failures);
        }
        check.ThrowIfFailed();
    }

    [Then(@"^the capability statement should declare the operation ""([^""]+)"" defined by ""([^""]+)""$")]
    public void Operation(string name, string definition) =>
        FoundationsCapabilityChecks.DeclaresOperation(session.LastResponse, name, definition).ThrowIfFailed();
}
