using GpConnect.Conformance.Reporting.Coverage;
using GpConnect.Conformance.Reporting.Tests.Fixtures;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Tests.Coverage;

public class ObligationCatalogTests
{
    private const string Digest = """
        ## Obligations
        - CORE-001 [E] Handshake offering only TLS 1.0 → refused (§1.3)
        - **APT-001** [MUST · BASE] Any request → `Cache-Control: no-store`.
        - **TKT-001:** Amend a cancelled appointment → 422.
        - **TKT-007** (advisory, warn only): the same commit also changed codes
        - FND-001 [SPEC] Any successful request → no-store.
          - TKT-001 flips: nested bullets are notes, not obligations
        Text mentioning CORE-002 in prose is ignored.
        - TKT-001 listed again later is ignored
        - **TKT-037** [derived robustness]:
          - Book with serviceType present → success.
          - Amend echoing serviceType unchanged → success.
        """;

    [Fact]
    public void Parses_every_checklist_style()
    {
        var list = ObligationCatalog.Parse(Digest, "x.md");
        list.Select(o => o.Id).ShouldBe(["CORE-001", "APT-001", "TKT-001", "TKT-007", "FND-001", "TKT-037"]);
        list[0].ShouldBe(new Obligation("CORE-001", "Handshake offering only TLS 1.0 → refused (§1.3)", "x.md", "E"));
        list[1].Classification.ShouldBe("MUST · BASE");
        list[2].Summary.ShouldBe("Amend a cancelled appointment → 422.");
        list[3].Summary.ShouldBe("(advisory, warn only): the same commit also changed codes");
        list[5].ShouldBe(new Obligation("TKT-037", "Book with serviceType present → success.; Amend echoing serviceType unchanged → success.", "x.md", "derived robustness"));
    }

    [Fact]
    public void Coverage_links_scenarios_by_tag_and_lists_uncovered_and_unknown_ids()
    {
        var catalogue = ObligationCatalog.Parse(Digest, "x.md");
        var run = SampleRuns.Full();
        var tagged = run.Scenarios[0] with { Scenario = run.Scenarios[0].Scenario with { Tags = ["@CORE-001", "@fnd-001", "@APT-999"] } };
        var coverage = ObligationCoverage.Compute(catalogue, run with { Scenarios = [tagged, run.Scenarios[1] with { Scenario = run.Scenarios[1].Scenario with { Tags = ["@CORE-001"] } }] });

        var core = coverage.Rows.Single(r => r.Obligation.Id == "CORE-001");
        core.Scenarios.Count.ShouldBe(2);
        core.Status.ShouldBe(ScenarioStatus.Failed);
        coverage.Rows.Single(r => r.Obligation.Id == "FND-001").Status.ShouldBe(ScenarioStatus.Passed);
        coverage.Uncovered.Select(o => o.Id).ShouldBe(["APT-001", "TKT-001", "TKT-007", "TKT-037"]);
        coverage.UnknownIds.ShouldBe(["APT-999"]);
    }

    [Fact]
    public void Loads_the_shared_digests()
    {
        var spec = RepoPaths.SharedSpec();
        if (spec is null) Assert.Skip("../shared/spec is not beside the repository; the digest loader is covered by the inline digest tests.");
        var all = ObligationCatalog.LoadFromDigests(spec);
        all.Select(o => o.Id).ShouldBeUnique();
        foreach (var prefix in new[] { "CORE-", "FND-", "APT-", "TKT-" })
            all.Count(o => o.Id.StartsWith(prefix)).ShouldBeGreaterThan(10, $"{prefix} obligations");
        all.Single(o => o.Id == "CORE-001").Source.ShouldBe("core.md");
        all.ShouldAllBe(o => o.Summary.Length > 0);
    }

    [Fact]
    public void Missing_folder_is_a_clear_error() =>
        Should.Throw<DirectoryNotFoundException>(() => ObligationCatalog.LoadFromDigests("/no/such/spec")).Message.ShouldContain("/no/such/spec");
}
