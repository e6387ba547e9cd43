using Reqnroll;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Specs.Steps;

/// <summary>Steps of the Search for free slots use case.</summary>
[Binding]
public sealed class SlotSearchSteps(ConsumerSession session, SlotSearchContext search, ConformanceSettings settings, TimeProvider clock, ConformanceScenario scenario)
{
    [Given(@"^the search window starts tomorrow and lasts (\d+) days?$")]
    public void WindowFromTomorrow(int days) => search.Search = SlotSearch.FromTomorrow(days, clock, settings.Consumer);

    [When(@"^the consumer searches for free slots$")]
    public Task SearchForFreeSlots()
    {
        search.Search ??= SlotSearch.FromTomorrow(7, clock, settings.Consumer);
        return session.SendAsync(search.Search.ToRequest(), scenario.CancellationToken);
    }
}

/// <summary>The slot search a scenario is building (per scenario).</summary>
public sealed class SlotSearchContext
{
    public SlotSearch? Search { get; set; }
}
