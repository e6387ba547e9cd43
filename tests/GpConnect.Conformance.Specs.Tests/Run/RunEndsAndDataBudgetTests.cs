using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Specs.Hosting;
using GpConnect.Conformance.Specs.Tests.Support;
using GpConnect.Conformance.Specs.TestData;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Run;

/// <summary>The run guard (time budget, unresponsive provider), declared consumption and the data budget's arithmetic.</summary>
public sealed class RunEndsAndDataBudgetTests
{
    private static HttpExchange TimedOut(string url) => new()
    {
        Interaction = Interactions.GetCapabilityStatement, Method = "GET", Url = url, RequestHeaders = [], StartedAt = DateTimeOffset.UnixEpoch,
        Duration = TimeSpan.FromSeconds(30), TransportError = "timed out: no complete response within 30 s", TransportErrorKind = TransportErrorKind.Timeout,
    };

    [Fact]
    public void The_time_budget_stops_what_has_not_started_and_says_how_long_the_run_took()
    {
        var elapsed = TimeSpan.FromMinutes(59);
        var settings = SuiteUnderTest.Settings(overrides: ("run:timeBudgetMinutes", "60"));
        using var client = new GpConnectClient(settings, new Uri("http://127.0.0.1:1/A1/STU3/1/gpconnect"));
        var guard = new RunGuard(settings, client, () => elapsed);

        guard.NotRunReason().ShouldBeNull();
        guard.Summary().ShouldBeEmpty();
        elapsed = TimeSpan.FromMinutes(60.5);
        guard.NotRunReason().ShouldNotBeNull().ShouldStartWith(NotRun.TimeBudgetExhausted);
        guard.NotRunReason()!.ShouldContain("60 min 30 s of its 60 min 0 s budget");
        guard.Summary().ShouldHaveSingleItem().Key.ShouldBe(NotRun.MetadataKey);
    }

    [Fact]
    public void Three_timeouts_in_a_row_make_the_rest_not_run_with_the_timed_out_requests_as_evidence()
    {
        var settings = SuiteUnderTest.Settings();
        settings.Run.UnresponsiveAfterTimeouts.ShouldBe(3, "the default");
        using var client = new GpConnectClient(settings, new Uri("http://127.0.0.1:1/A1/STU3/1/gpconnect"));
        var guard = new RunGuard(settings, client, () => TimeSpan.Zero);
        client.Responsiveness.ShouldBeSameAs(guard.Responsiveness);

        guard.Responsiveness.Record(TimedOut("http://p/1"));
        guard.Responsiveness.Record(TimedOut("http://p/2"));
        guard.NotRunReason().ShouldBeNull();
        guard.Responsiveness.Record(TimedOut("http://p/3"));
        var reason = guard.NotRunReason().ShouldNotBeNull();
        reason.ShouldStartWith(NotRun.ProviderUnresponsive);
        reason.ShouldContain("http://p/1");
        reason.ShouldContain("http://p/3");
        guard.Summary().ShouldHaveSingleItem().Value.Split('\n').Length.ShouldBe(4, "the summary line and one line per timed-out request");
    }

    [Fact]
    public void Not_run_results_are_recognised_and_counted()
    {
        var info = new ScenarioInfo { Id = "a.feature:3", FeatureFile = "a.feature", FeatureName = "A", Name = "s", Line = 3, Tags = [] };
        var cut = NotRun.Result(info, NotRun.ProviderUnresponsive + ": 3 requests in a row timed out", DateTimeOffset.UnixEpoch);
        var other = cut with { Message = "Test data used up: add slots" };
        var run = new RunResult { Started = DateTimeOffset.UnixEpoch, Finished = DateTimeOffset.UnixEpoch, Scenarios = [cut, cut, other] };

        NotRun.Kind(cut).ShouldBe(NotRun.ProviderUnresponsive);
        NotRun.Kind(other).ShouldBeNull();
        NotRun.CutShort(run).ShouldBeTrue();
        NotRun.Describe(run).ShouldBe("2 not run (provider unresponsive)");
    }

    [Fact]
    public void Consumption_is_declared_with_tags_and_a_bad_count_is_a_clear_error()
    {
        DataConsumption.Declared(["@APT-116", "@consumes-registrable-patients:1", "@consumes-free-slots:2"]).ShouldBe(new DataConsumption(1, 0, 2));
        DataConsumption.Declared(["@consumes-left-practice-patients:1"]).ShouldBe(new DataConsumption(0, 1, 0));
        DataConsumption.Declared(["@writes"]).IsNone.ShouldBeTrue();
        Should.Throw<FormatException>(() => DataConsumption.Declared(["@consumes-free-slots:two"])).Message.ShouldContain("@consumes-free-slots:two");
    }

    [Fact]
    public void Every_scenario_that_books_or_registers_declares_it()
    {
        // The declarations are checked against what a run actually used up in NightlyRegressionTests; here: the totals of the suite.
        var total = DataConsumption.Sum(SuiteUnderTest.Catalog.Scenarios.Select(s => DataConsumption.Declared(s.Info.Tags)));
        total.RegistrablePatients.ShouldBeGreaterThan(0);
        total.LeftPracticePatients.ShouldBe(1);
        total.FreeSlots.ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData(null, 60, 5)]   // slots not seen to come back: 300 free slots / 60 a run
    [InlineData(true, 60, 20)]  // slots come back: the registrable pool (100 / 5) bounds it
    public void Runs_supported_counts_free_slots_unless_the_provider_frees_cancelled_slots(bool? releases, int slotsPerRun, int expected)
    {
        var budget = new DataBudget(new Dictionary<string, int> { ["1"] = 200, ["2"] = 100 }, 100, 120, new DataConsumption(5, 1, slotsPerRun), 21, releases, 30, 40);
        budget.FreeSlots.ShouldBe(300);
        budget.RunsSupported.ShouldBe(expected);
        (budget with { LeftPracticeLeft = 3 }).RunsSupported.ShouldBe(3, "the left-practice pool counts too");
        (budget with { PerRun = DataConsumption.None }).RunsSupported.ShouldBeNull("a selection that uses nothing up has no limit");
    }

    [Fact]
    public void A_pool_entry_may_carry_the_logical_id_of_the_earlier_record()
    {
        var numbers = RegistrableNumbers.Parse("9690000063|Lindqvist|Erik|1975-12-01|7,9690000209", "testData:register:leftPractice:nhsNumbers");
        numbers[0].ShouldBe(new RegistrableNumber("9690000063", "Lindqvist", "Erik", "1975-12-01", "7"));
        numbers[1].LogicalId.ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => RegistrableNumbers.Parse("9690000063|Lindqvist|Erik|1975-12-01|", "k")).Message.ShouldContain("logical id");
    }
}
