using System.Text.RegularExpressions;
using GpConnect.Conformance.Runner.Results;
using Xunit;

namespace GpConnect.Conformance.Runner.Xunit;

/// <summary>
/// Turns a <see cref="FeatureCatalog"/> into xUnit v3 theory rows: one test case per pickle, named by
/// <see cref="ScenarioInfo.DisplayName"/>, with the scenario id as its only (serialisable) argument and its tags as
/// traits, so <c>dotnet test --filter "Tag=@ticket-912"</c> or <c>"Ticket=912"</c> selects it. Each feature load error
/// becomes a row too, which <see cref="ScenarioTestCase.RunAsync"/> fails with file:line:column.
/// </summary>
/// <example>
/// <code>
/// public static IEnumerable&lt;TheoryDataRow&lt;string&gt;&gt; Scenarios => ScenarioTestData.Rows(Catalog.Value);
/// [Theory, MemberData(nameof(Scenarios))]
/// public Task Scenario(string id) => ScenarioTestCase.RunAsync(Catalog.Value, Fixture.Runner, id);
/// </code>
/// </example>
public static partial class ScenarioTestData
{
    /// <summary>Prefix of the argument of a row that stands for a feature load error.</summary>
    public const string LoadErrorIdPrefix = "feature-load-error:";

    /// <summary>One row per scenario, then one per load error.</summary>
    public static IEnumerable<TheoryDataRow<string>> Rows(FeatureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var scenario in catalog.Scenarios)
        {
            // An empty label keeps xUnit from appending "(id: …)" to the display name.
            var row = new TheoryDataRow<string>(scenario.Info.Id) { Label = string.Empty }.WithTestDisplayName(scenario.Info.DisplayName);
            foreach (var (name, value) in Traits(scenario.Info)) row.WithTrait(name, value);
            yield return row;
        }
        foreach (var error in catalog.Errors)
        {
            yield return new TheoryDataRow<string>(LoadErrorId(error)) { Label = string.Empty }
                .WithTestDisplayName($"Feature file error — {error.File}:{error.Line}:{error.Column}")
                .WithTrait("Feature", error.File)
                .WithTrait("Tag", "@feature-load-error");
        }
    }

    /// <summary>
    /// The traits of a scenario: <c>Tag</c> (each tag with '@'), <c>Feature</c> (feature name), <c>FeatureFile</c>,
    /// and from category tags <c>Ticket</c> (@ticket-912 → 912), <c>UseCase</c> (@use-case-find-a-patient →
    /// find-a-patient), <c>Since</c> (@since-1.2.7 → 1.2.7) and <c>Obligation</c> (@CORE-111 → CORE-111).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Traits(ScenarioInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var traits = new List<KeyValuePair<string, string>>
        {
            new("Feature", info.FeatureName),
            new("FeatureFile", info.FeatureFile),
        };
        foreach (var tag in info.Tags)
        {
            traits.Add(new("Tag", tag));
            if (Category(tag) is { } category) traits.Add(category);
        }
        return traits;
    }

    /// <summary>The row argument standing for a load error: prefix plus file:line:column.</summary>
    public static string LoadErrorId(FeatureLoadError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return $"{LoadErrorIdPrefix}{error.File}:{error.Line}:{error.Column}";
    }

    private static KeyValuePair<string, string>? Category(string tag)
    {
        foreach (var (prefix, trait) in CategoryPrefixes)
            if (tag.Length > prefix.Length && tag.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return new(trait, tag[prefix.Length..]);
        return ObligationTag().IsMatch(tag) ? new("Obligation", tag[1..]) : null;
    }

    private static readonly (string Prefix, string Trait)[] CategoryPrefixes =
    [
        ("@ticket-", "Ticket"),
        ("@use-case-", "UseCase"),
        ("@since-", "Since"),
    ];

    [GeneratedRegex(@"^@(CORE|FND|APT|TKT)-\d+$", RegexOptions.IgnoreCase)]
    private static partial Regex ObligationTag();
}
