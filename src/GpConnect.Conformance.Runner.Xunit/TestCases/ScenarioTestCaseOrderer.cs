using Xunit.Sdk;
using Xunit.v3;

namespace GpConnect.Conformance.Runner.Xunit;

/// <summary>
/// Runs scenario rows in feature-file order (file path, then line, then Examples row), so each feature's scenarios run
/// together and Reqnroll's [BeforeFeature]/[AfterFeature] hooks run once per feature. xUnit's default order (by test case
/// id hash) interleaves features. Use with <c>[TestCaseOrderer(typeof(ScenarioTestCaseOrderer))]</c> on the test class.
/// </summary>
public sealed class ScenarioTestCaseOrderer : ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases) where TTestCase : notnull, ITestCase =>
        testCases.OrderBy(c => Key(c), KeyComparer.Instance).ToList();

    private static (string File, int Line, int Row, bool LoadError) Key(ITestCase testCase)
    {
        var id = testCase is XunitTestCase { TestMethodArguments: [string argument] } ? argument : null;
        if (id is null) return (string.Empty, 0, 0, false);
        if (id.StartsWith(ScenarioTestData.LoadErrorIdPrefix, StringComparison.Ordinal)) return (id, 0, 0, true);
        var parts = id.Split(':');
        // "file:line" or "file:line:row"
        if (parts.Length >= 3 && int.TryParse(parts[^1], out var row) && int.TryParse(parts[^2], out var lineOfOutline))
            return (string.Join(':', parts[..^2]), lineOfOutline, row, false);
        if (parts.Length >= 2 && int.TryParse(parts[^1], out var line))
            return (string.Join(':', parts[..^1]), line, 0, false);
        return (id, 0, 0, false);
    }

    private sealed class KeyComparer : IComparer<(string File, int Line, int Row, bool LoadError)>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare((string File, int Line, int Row, bool LoadError) x, (string File, int Line, int Row, bool LoadError) y)
        {
            var c = x.LoadError.CompareTo(y.LoadError);
            if (c != 0) return c;
            c = string.CompareOrdinal(x.File, y.File);
            if (c != 0) return c;
            c = x.Line.CompareTo(y.Line);
            return c != 0 ? c : x.Row.CompareTo(y.Row);
        }
    }
}
