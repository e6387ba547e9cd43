using GpConnect.ReferenceProvider.Tests.Infrastructure;
using Shouldly;

namespace GpConnect.ReferenceProvider.Tests.Faults;

/// <summary>
/// Each fault switches on its own behaviour and nothing else. The clean provider is checked against every probe. Each
/// fault is checked against its own probe and a fixed sample of <see cref="SampledProbes"/> others (a stable hash of the
/// fault and probe names picks them, so the check does not grow with faults × probes); GPCC_FAULT_DETECTION=full checks
/// every fault against every probe, as CI does.
/// </summary>
public sealed class FaultSwitchTests
{
    public const int SampledProbes = 24;

    private static bool FullCrossProduct =>
        string.Equals(Environment.GetEnvironmentVariable("GPCC_FAULT_DETECTION"), "full", StringComparison.OrdinalIgnoreCase);

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

        var shown = await ShownFaults(session, FullCrossProduct ? null : ProbesFor(fault));

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

    [Fact]
    public void A_faults_probes_are_its_own_and_the_same_sample_of_the_others_every_time()
    {
        var fault = ProviderFaults.All[0].Name;
        var probes = ProbesFor(fault);
        probes.ShouldContain(fault);
        probes.Count.ShouldBe(1 + Math.Min(SampledProbes, FaultProbes.All.Count - 1));
        ProbesFor(fault).ShouldBe(probes);
        ProbesFor(ProviderFaults.All[1].Name).Where(p => p != ProviderFaults.All[1].Name).ShouldNotBe(probes.Where(p => p != fault));
    }

    /// <summary>The fault's own probe and a fixed sample of the others, in the probes' order.</summary>
    public static IReadOnlyList<string> ProbesFor(string fault)
    {
        var sample = FaultProbes.All.Keys.Where(p => p != fault)
            .OrderBy(p => StableHash(fault + "|" + p)).ThenBy(p => p, StringComparer.Ordinal).Take(SampledProbes).ToHashSet();
        return FaultProbes.All.Keys.Where(p => p == fault || sample.Contains(p)).ToList();
    }

    /// <summary>FNV-1a over the UTF-16 code units: the same on every machine and every run.</summary>
    private static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    private static async Task<string[]> ShownFaults(ProviderSession session, IReadOnlyList<string>? only = null)
    {
        var shown = new List<string>();
        foreach (var (name, probe) in FaultProbes.All)
        {
            if (only is not null && !only.Contains(name)) continue;
            if (await probe(session)) shown.Add(name);
        }
        return shown.ToArray();
    }
}
