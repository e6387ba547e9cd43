using Reqnroll;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Domain.Appointments;

namespace GpConnect.Conformance.Specs.Steps.Appointments;

/// <summary>
/// Safety against a real provider: scenarios tagged @writes (any area) run only when config provider:allowWrites is true, and every
/// appointment a scenario booked is cancelled afterwards, even when a step failed. Anything that could not be cleaned up is
/// attached to the scenario as evidence and printed on the console.
/// </summary>
[Binding]
public sealed class WriteSafetyHooks(BookedAppointments booked, GpConnectClient client, ConformanceSettings settings, ConformanceScenario scenario, Domain.Run.RunState run)
{
    [BeforeScenario("@writes", Order = 1)]
    public void SkipWritesWhenNotAllowed()
    {
        if (!settings.Provider.AllowWrites)
            throw new ScenarioSkippedException(
                $"This scenario writes to the provider (@writes: it books, changes or registers records), and provider:allowWrites is false in {settings.SourceFile}: " +
                "set it to true only for a target that accepts test data being written.");
    }

    [AfterScenario]
    public async Task CancelWhatWasBooked()
    {
        if (booked.Ids.Count == 0) return;
        var results = await AppointmentCleanup.CancelAllAsync(client, booked.Ids, CancellationToken.None);
        run.TeardownDone(results);
        var left = results.Where(r => !r.Cleaned).ToList();
        scenario.AddEvidence(new TextEvidence("Teardown: appointments booked by this scenario",
            string.Join(Environment.NewLine, results.Select(r => $"Appointment/{r.AppointmentId}: {(r.Cleaned ? "" : "NOT CLEANED UP — ")}{r.Detail}"))));
        foreach (var result in left)
            Console.Error.WriteLine($"[teardown] \"{scenario.ScenarioInfo.Name}\" left Appointment/{result.AppointmentId} booked: {result.Detail}. Cancel it by hand.");
    }
}
