using GpConnect.ReferenceProvider.Tests.Infrastructure;
using Shouldly;

namespace GpConnect.ReferenceProvider.Tests.Faults;

public sealed class FaultSwitchTests
{
    public static TheoryData<string> FaultNames => new(ProviderFaults.All.Select(f => f.Name));

    [Fact]
    public void Every_fault_has_a_unique_kebab_case_name_a_one_line_description_and_a_probe()
    {
        ProviderFaults.All.ShouldNotBeEmpty();
        ProviderFaults.All.Select(f => f.Name).ShouldBeUnique();
        foreach (var fault in ProviderFaults.All)
        {
            fault.Name.ShouldMatch("^[a-z0-9]+(-[a-z0-9]+)*$");
            fault.Description.ShouldNotBeNullOrWhiteSpace();
            fault.Description.ShouldNotContain('\n');
            FaultProbes.All.ContainsKey(fault.Name).ShouldBeTrue($"fault '{fault.Name}' needs a probe in FaultProbes");
        }
        FaultProbes.All.Keys.ShouldBe(ProviderFaults.All.Select(f => f.Name), ignoreOrder: true);
    }

    [Fact]
    public void The_required_faults_are_present()
    {
        var names = ProviderFaults.All.Select(f => f.Name).ToArray();
        foreach (var required in new[] { "capability-wrong-version", "slot-two-service-types", "schedule-two-service-categories", "accept-missing-interaction-id" })
        {
            names.ShouldContain(required);
        }
    }

    [Fact]
    public async Task A_clean_provider_shows_none_of_the_faults()
    {
        await using var session = await ProviderSession.StartAsync();

        var shown = await ShownFaults(session);

        shown.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(FaultNames))]
    public async Task Each_fault_changes_exactly_its_own_behaviour(string fault)
    {
        await using var session = await ProviderSession.StartAsync(o => o.Faults = [fault]);

        var shown = await ShownFaults(session);

        shown.ShouldBe([fault]);
        session.Provider.ActiveFaults.ShouldBe([fault]);
    }

    [Fact]
    public async Task An_unknown_fault_name_is_refused_with_the_list_of_valid_names()
    {
        var error = await Should.ThrowAsync<ArgumentException>(() =>
            ReferenceProviderHost.StartAsync(new ReferenceProviderOptions { Faults = ["no-such-fault"] }, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("no-such-fault");
        foreach (var fault in ProviderFaults.All) error.Message.ShouldContain(fault.Name);
    }

    [Fact]
    public async Task An_unsupported_spec_version_is_refused()
    {
        var error = await Should.ThrowAsync<ArgumentException>(() =>
            ReferenceProviderHost.StartAsync(new ReferenceProviderOptions { SpecVersion = "1.2.5" }, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("1.2.7");
    }

    private static async Task<string[]> ShownFaults(ProviderSession session)
    {
        var shown = new List<string>();
        foreach (var (name, probe) in FaultProbes.All)
        {
            if (await probe(session)) shown.Add(name);
        }
        return shown.ToArray();
    }
}
