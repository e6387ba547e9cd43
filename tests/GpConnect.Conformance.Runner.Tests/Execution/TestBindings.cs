using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Runner.Tests.TestSupport;

namespace GpConnect.Conformance.Runner.Tests.Execution;

// Binding classes used by the execution tests. They carry no [Binding] attribute: each test names the classes it
// runs with (BindingRegistry.FromTypes), so tests stay independent of one another.

public sealed class OutcomeSteps(Journal journal, ScenarioContext context)
{
    [Given("^the step \"([^\"]*)\" passes$")]
    [When("^the step \"([^\"]*)\" passes$")]
    [Then("^the step \"([^\"]*)\" passes$")]
    public void Passes(string name) => journal.Add($"step:{name}");

    [When("^a step fails with \"([^\"]*)\"$")]
    public void Fails(string message) => throw new InvalidOperationException(message);

    [Then("^the patient identifier check fails$")]
    public void CheckFails() => throw new ConformanceCheckException(
        new CheckFailure("FND-12", "Patient.identifier", "1..*", "0", "Patient.identifier is missing."));

    [Given("^this scenario does not apply$")]
    public void NotApplicable() => throw new ScenarioNotApplicableException("Ticket 912 is not provider-testable.");

    [Given("^this scenario is skipped$")]
    public void Skipped() => throw new ScenarioSkippedException("No patient with the 'deceased' role is configured.");

    [Then("^the step is pending$")]
    public void Pending() => throw new PendingStepException();

    [Given("^evidence \"([^\"]*)\" is kept$")]
    public void KeepEvidence(string text) => context.AddEvidence(new TextEvidence("note", text));

    [Then("^an? (?:\\w+ )?ambiguous step$")]
    public void AmbiguousOne() { }
}

public sealed class MoreOutcomeSteps
{
    [Then("^an ambiguous step$")]
    public void AmbiguousTwo() { }
}

public sealed class TypedSteps(Journal journal)
{
    public enum Status { Booked, Cancelled, EnteredInError }

    [Given(@"^an appointment of (\d+) minutes on (\S+) costing ([\d.]+) with status (.+)$")]
    public void Appointment(int minutes, DateTime date, decimal cost, Status status) => journal.Keep((minutes, date, cost, status));

    [Given(@"^a limit(?: of (\d+))?$")]
    public void Limit(int? limit) => journal.Keep(limit ?? (object)"no limit");

    [Given(@"^the identifier (\S+) is (true|false)$")]
    public void Flag(Guid id, bool flag) => journal.Keep((id, flag));

    [Given("^the identifiers$")]
    public void Identifiers(Table table) => journal.Keep(table);

    [When("^the body is$")]
    public void Body(string docString) => journal.Keep(docString);

    [Then("^a Task step completes$")]
    public async Task TaskStep()
    {
        await Task.Yield();
        journal.Add("task");
    }

    [Then("^a ValueTask step completes$")]
    public async ValueTask ValueTaskStep()
    {
        await Task.Yield();
        journal.Add("valuetask");
    }

    [Then("^a ValueTask of int step fails$")]
    public async ValueTask<int> ValueTaskOfIntStep()
    {
        await Task.Yield();
        throw new InvalidOperationException("async failure after an await");
    }
}

public sealed class OrderedHooks(Journal journal)
{
    [BeforeScenario(Order = 2)]
    public void BeforeSecond() => journal.Add("before:2");

    [BeforeScenario(Order = 1)]
    public void BeforeFirst() => journal.Add("before:1");

    [BeforeScenario("tagged")]
    public void BeforeTagged() => journal.Add("before:tagged");

    [AfterScenario(Order = 1)]
    public void AfterOne() => journal.Add("after:1");

    [AfterScenario(Order = 2)]
    public async Task AfterTwo()
    {
        await Task.Yield();
        journal.Add("after:2");
    }

    [AfterScenario(Order = 3)]
    public static void AfterStatic(Journal log, ScenarioContext context) => log.Add($"after:static:{context.ScenarioInfo.Name}");
}

public sealed class FailingBeforeHook
{
    [BeforeScenario]
    public void Arrange() => throw new InvalidOperationException("test data could not be created");
}

public sealed class NotApplicableBeforeHook
{
    [BeforeScenario("@since-1.2.8")]
    public void CheckVersion() => throw new ScenarioNotApplicableException("The target implements 1.2.7; this scenario needs 1.2.8.");
}

public sealed class FailingAfterHook
{
    [AfterScenario]
    public void Teardown() => throw new InvalidOperationException("cleanup failed");
}

/// <summary>A per-scenario context object shared by binding classes.</summary>
public sealed class PatientState
{
    public string? NhsNumber { get; set; }
}

/// <summary>A context object that itself asks for one (resolved recursively).</summary>
public sealed class PatientView(PatientState state)
{
    public PatientState State => state;
}

public sealed class DisposableResource(Journal journal) : IDisposable
{
    public void Dispose() => journal.Add("resource disposed");
}

public sealed class ArrangeSteps(PatientState state, Journal journal)
{
    [Given(@"^the patient (\d+)$")]
    public void Patient(string nhsNumber)
    {
        state.NhsNumber = nhsNumber;
        journal.Keep(state);
    }
}

public sealed class AssertSteps(PatientView view, ScenarioContext context, Journal journal)
{
    [Then(@"^the shared patient is (\d+)$")]
    public void SharedPatient(string nhsNumber)
    {
        journal.Keep(view.State);
        journal.Keep(context);
        if (view.State.NhsNumber != nhsNumber)
            throw new InvalidOperationException($"expected {nhsNumber} but the shared state holds {view.State.NhsNumber ?? "nothing"}");
    }
}

public sealed class ResourceSteps(DisposableResource resource, Journal journal)
{
    [Given("^a disposable resource is used$")]
    public void Use() => journal.Keep(resource);

    [AfterScenario]
    public void After() => journal.Add("after hook");
}

/// <summary>Lets a step stop the run, as a CLI's Ctrl+C would.</summary>
public sealed class RunCancellation
{
    public CancellationTokenSource Source { get; } = new();
}

public sealed class CancellingSteps(RunCancellation cancellation, ScenarioContext context, Journal journal)
{
    [Given("^the run is stopped$")]
    public void Stop() => cancellation.Source.Cancel();

    [When("^the run is stopped while a step waits for the provider$")]
    public async Task StopWhileWaiting()
    {
        cancellation.Source.Cancel();
        await Task.Delay(Timeout.Infinite, context.CancellationToken);
    }

    [Then("^nothing else runs$")]
    public void NothingElse() => journal.Add("ran after cancellation");

    [AfterScenario]
    public void Teardown() => journal.Add("teardown");
}

public static class RunHooks
{
    [BeforeTestRun(Order = 2)]
    public static void Second(Journal journal) => journal.Add("run:before:2");

    [BeforeTestRun(Order = 1)]
    public static async Task First(Journal journal)
    {
        await Task.Yield();
        journal.Add("run:before:1");
    }

    [AfterTestRun]
    public static void After(Journal journal) => journal.Add("run:after");
}

public static class FailingRunHooks
{
    [BeforeTestRun]
    public static void Start() => throw new InvalidOperationException("the provider is unreachable");

    [AfterTestRun]
    public static void Stop(Journal journal) => journal.Add("run:after");
}

/// <summary>Would fail loudly if a dry run created or called anything.</summary>
public sealed class ExplodingSteps
{
    public ExplodingSteps() => throw new InvalidOperationException("a dry run must not create binding classes");

    [Given(@"^a step that must not run with (\d+)$")]
    public void MustNotRun(int value) => throw new InvalidOperationException("a dry run must not call steps");

    [BeforeScenario]
    public void MustNotRunHook() => throw new InvalidOperationException("a dry run must not call hooks");
}

public sealed class NeedsUnregisteredService(IServiceProvider services, IFormatProvider notRegistered)
{
    [Given("^a binding that cannot be created$")]
    public void Step() => _ = (services, notRegistered);
}
