using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Domain.Foundations;
using GpConnect.Conformance.Specs.TestData;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Checks;

/// <summary>The per-scenario Foundations state: role choice, and the run's pool of registrable NHS numbers.</summary>
public sealed class FoundationsScenarioTests
{
    private static TestDataService Service(string pool) =>
        new(SuiteUnderTest.Settings(null, ("testData:register:onPds:nhsNumbers", pool)));

    [Fact]
    public void Scenarios_of_one_run_get_different_pool_numbers_and_a_refused_one_goes_back()
    {
        var service = Service("9690000209,9690000217");
        var first = new FoundationsScenario(service);
        first.Choose("register.onPds");
        var second = new FoundationsScenario(service);
        second.Choose("register.onPds");

        var a = first.StartRegistration().NhsNumber;
        var b = second.StartRegistration().NhsNumber;
        a.ShouldNotBe(b);

        second.RegistrationAnswered(registered: false);
        var third = new FoundationsScenario(service);
        third.Choose("register.onPds");
        third.StartRegistration().NhsNumber.ShouldBe(b);
    }

    [Fact]
    public void A_used_up_pool_skips_the_scenario_naming_the_key()
    {
        var service = Service("9690000209");
        var first = new FoundationsScenario(service);
        first.Choose("register.onPds");
        first.StartRegistration();
        first.RegistrationAnswered(registered: true);

        var second = new FoundationsScenario(service);
        second.Choose("register.onPds");
        Should.Throw<ScenarioSkippedException>(() => second.StartRegistration()).Message.ShouldContain("testData:register:onPds:nhsNumbers");
    }

    [Fact]
    public void An_unconfigured_role_skips_and_a_missing_choice_is_a_clear_error()
    {
        var scenario = new FoundationsScenario(Service(""));
        Should.Throw<ScenarioSkippedException>(() => scenario.Choose("register.onPds")).Message.ShouldContain("testData:register:onPds:nhsNumbers");
        Should.Throw<InvalidOperationException>(() => new FoundationsScenario(Service("1")).Value("nhsNumber")).Message.ShouldContain("No test-data role");
    }
}
