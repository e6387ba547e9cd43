using System.Text.RegularExpressions;
using GpConnect.Conformance.Reporting.Coverage;
using GpConnect.Conformance.Reporting.Tests.Fixtures;

namespace GpConnect.Conformance.Reporting.Tests.Coverage;

/// <summary>The suite's own obligation catalogue (docs/obligations/catalogue.tsv, embedded in the Reporting assembly).</summary>
public partial class BuiltInCatalogueTests
{
    private static readonly string[] KnownVersions = ["1.2.3", "1.2.4", "1.2.7"];

    [Fact]
    public void Is_embedded_and_complete_in_every_column()
    {
        var all = ObligationCatalog.BuiltIn;
        all.Count.ShouldBeGreaterThan(500);
        all.Select(o => o.Id).ShouldBeUnique();
        foreach (var prefix in new[] { "CORE-", "FND-", "APT-", "TKT-" })
            all.Count(o => o.Id.StartsWith(prefix, StringComparison.Ordinal)).ShouldBeGreaterThan(40, $"{prefix} obligations");
        foreach (var o in all)
        {
            ObligationCatalog.Levels.ShouldContain(o.Classification!, o.Id);
            o.Source.ShouldStartWith("GP Connect 1.2.", Case.Sensitive, $"{o.Id}: cite the public specification page or release note");
            o.Summary.Length.ShouldBeInRange(10, 160, $"{o.Id}: one short line");
            var versions = o.Versions!.Split(", ");
            versions.ShouldNotBeEmpty(o.Id);
            versions.ShouldAllBe(v => KnownVersions.Contains(v), o.Id);
        }
    }

    [Fact]
    public void Ticket_obligations_apply_from_their_release_only()
    {
        var byId = ObligationCatalog.BuiltIn.ToDictionary(o => o.Id);
        byId["TKT-018"].Versions.ShouldBe("1.2.7");          // 1.2.7 capability statement version
        byId["TKT-017"].Versions.ShouldBe("1.2.4");          // 1.2.4 keeps 1.2.3
        byId["TKT-018"].Source.ShouldContain("#905");
        byId["CORE-001"].Classification.ShouldBe("SHALL");
        byId["CORE-027"].Classification.ShouldBe("INFO");
    }

    [Theory]
    [InlineData("id\tlevel\tversions\tsource\tstatement\nCORE-001\tMUST\t1.2.7\tGP Connect 1.2.7 specification, x\ty", "level \"MUST\"")]
    [InlineData("id\tlevel\tversions\tsource\tstatement\nCORE-1\tSHALL\t1.2.7\tGP Connect 1.2.7 specification, x\ty", "not an obligation id")]
    [InlineData("id\tlevel\tversions\tsource\tstatement\nCORE-001\tSHALL\t1.2.7\ty", "5 non-empty")]
    [InlineData("id\tlevel\tversions\tsource\tstatement\nCORE-001\tSHALL\t1.2.7\ts\ty\nCORE-001\tSHALL\t1.2.7\ts\ty", "listed twice")]
    public void Malformed_lines_are_named(string tsv, string message) =>
        Should.Throw<FormatException>(() => ObligationCatalog.ParseCatalogue(tsv)).Message.ShouldContain(message);

    [Fact]
    public void Has_every_id_of_the_requirement_digests()
    {
        var spec = RepoPaths.SharedSpec();
        if (spec is null) Assert.Skip("../shared/spec (the requirement digests) is not beside the repository; nothing to compare the catalogue with.");
        var digestIds = ObligationCatalog.LoadFromDigests(spec).Select(o => o.Id).ToHashSet();
        var ours = ObligationCatalog.BuiltIn.Select(o => o.Id).ToHashSet();
        digestIds.Except(ours).Order().ShouldBeEmpty("ids in the digests but missing from docs/obligations/catalogue.tsv");
        ours.Except(digestIds).Order().ShouldBeEmpty("ids in docs/obligations/catalogue.tsv that no digest has");
    }

    /// <summary>
    /// The statements are ours: none may equal or nearly equal the digest's sentence. "Nearly" is a word-set overlap
    /// (Jaccard) of 0.75 or more, or a run of 8 or more consecutive words taken over unchanged.
    /// </summary>
    [Fact]
    public void Statements_are_written_in_our_own_words()
    {
        var spec = RepoPaths.SharedSpec();
        if (spec is null) Assert.Skip("../shared/spec (the requirement digests) is not beside the repository; nothing to compare the wording with.");
        var digest = ObligationCatalog.LoadFromDigests(spec).ToDictionary(o => o.Id, o => o.Summary);
        var copied = new List<string>();
        foreach (var o in ObligationCatalog.BuiltIn)
        {
            if (!digest.TryGetValue(o.Id, out var theirs)) continue;
            var (overlap, run) = (Overlap(o.Summary, theirs), LongestSharedRun(o.Summary, theirs));
            if (overlap >= 0.75 || run >= 8) copied.Add($"{o.Id}: overlap {overlap:0.00}, {run} words in a row: {o.Summary}");
        }
        copied.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Omit Ssp-From → OO(BAD_REQUEST, 400)", "Omit `Ssp-From` → OO(`BAD_REQUEST`,400) (§2)", true)]
    [InlineData("Without Ssp-From the request is refused with 400 BAD_REQUEST.", "Omit `Ssp-From` → OO(`BAD_REQUEST`,400) (§2)", false)]
    [InlineData("the quick brown fox jumps over the lazy dog today", "yesterday the quick brown fox jumps over the lazy dog", true)]
    public void The_wording_check_can_tell_a_copy(string ours, string theirs, bool copy) =>
        (Overlap(ours, theirs) >= 0.75 || LongestSharedRun(ours, theirs) >= 8).ShouldBe(copy);

    private static string[] Words(string text) => WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();

    private static double Overlap(string a, string b)
    {
        var (x, y) = (Words(a).ToHashSet(), Words(b).ToHashSet());
        return x.Count + y.Count == 0 ? 0 : (double)x.Intersect(y).Count() / x.Union(y).Count();
    }

    private static int LongestSharedRun(string a, string b)
    {
        var (x, y) = (Words(a), " " + string.Join(' ', Words(b)) + " ");
        var best = 0;
        for (int i = 0; i < x.Length; i++)
            for (int n = best + 1; i + n <= x.Length && y.Contains(" " + string.Join(' ', x[i..(i + n)]) + " "); n++)
                best = n;
        return best;
    }

    [GeneratedRegex("[a-z0-9_]+")]
    private static partial Regex WordPattern();
}
