using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Domain.Foundations;
using GpConnect.Conformance.Specs.TestData;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Checks;

/// <summary>The run's pool of registrable NHS numbers: order, Find-a-patient check, no reuse in a run, used-up skips.</summary>
public sealed class FoundationsScenarioTests
{
    private static RegistrablePatients Pool(string list, ISet<string> registeredAtPractice, List<string>? probes = null) =>
        new("register.onPds", RegistrableNumbers.Parse(list, "testData:register:onPds:nhsNumbers"), (number, _) =>
        {
            probes?.Add(number);
            return Task.FromResult<bool?>(registeredAtPractice.Contains(number));
        });

    [Fact]
    public async Task Scenarios_of_one_run_get_different_numbers_and_a_refused_one_goes_back()
    {
        var pool = Pool("9690000209,9690000217,9690000225", new HashSet<string>());
        var a = (await pool.TakeAsync(default)).NhsNumber;
        var b = (await pool.TakeAsync(default)).NhsNumber;
        a.ShouldBe("9690000209");
        b.ShouldBe("9690000217");
        pool.Release(b);
        (await pool.TakeAsync(default)).NhsNumber.ShouldBe(b);
        pool.Remaining.ShouldBe(1);
        pool.UsedThisRun.ShouldBe(2);
    }

    [Fact]
    public async Task Numbers_an_earlier_run_registered_are_passed_over_with_few_finds()
    {
        var numbers = RegistrableNumbers.Parse("9690100000-9690109999", "k");
        numbers.Count.ShouldBeGreaterThan(900);
        var registered = numbers.Take(600).Select(n => n.NhsNumber).ToHashSet();
        var probes = new List<string>();
        var pool = Pool("9690100000-9690109999", registered, probes);

        var taken = await pool.TakeAsync(default);

        taken.NhsNumber.ShouldBe(numbers[600].NhsNumber);
        probes.Count.ShouldBeLessThan(15, "bisection, not one Find per number");
        (await pool.FirstUnregisteredAsync(default)).ShouldBe(600);
    }

    [Fact]
    public async Task A_number_registered_out_of_order_is_still_passed_over()
    {
        var pool = Pool("9690000209,9690000217,9690000225", new HashSet<string> { "9690000217" });
        (await pool.TakeAsync(default)).NhsNumber.ShouldBe("9690000209");
        (await pool.TakeAsync(default)).NhsNumber.ShouldBe("9690000225");
    }

    [Fact]
    public async Task A_used_up_pool_skips_the_scenario_naming_the_key_and_counts_as_used_up_data()
    {
        var pool = Pool("9690000209", new HashSet<string>());
        await pool.TakeAsync(default);
        var skip = await Should.ThrowAsync<ScenarioSkippedException>(() => pool.TakeAsync(default));
        skip.Message.ShouldContain("testData:register:onPds:nhsNumbers");
        DataExhausted.IsReason(skip.Message).ShouldBeTrue();
    }

    [Fact]
    public void Entries_may_carry_their_own_demographics_and_bad_entries_name_the_key()
    {
        var parsed = RegistrableNumbers.Parse("9690000209|Kowalski|Anna|1987-04-12, 9690000217", "testData:register:onPds:nhsNumbers");
        parsed[0].ShouldBe(new RegistrableNumber("9690000209", "Kowalski", "Anna", "1987-04-12"));
        parsed[1].Family.ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => RegistrableNumbers.Parse("9690000208", "testData:register:onPds:nhsNumbers"))
            .Message.ShouldContain("testData:register:onPds:nhsNumbers");
        Should.Throw<InvalidOperationException>(() => RegistrableNumbers.Parse("9690000000-9790000000", "k")).Message.ShouldContain("range");
    }
}
