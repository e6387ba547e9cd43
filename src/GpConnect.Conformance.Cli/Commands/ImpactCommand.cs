using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Hosting;
using GpConnect.Conformance.Specs.Versions;

namespace GpConnect.Conformance.Cli.Commands;

/// <summary>
/// <c>impact FROM TO [--features DIR] [--tags EXPR]</c>: per scenario, what changes when the target moves between two
/// spec versions the suite knows — scenarios that start or stop applying, expectations that flip — with the ticket behind each.
/// </summary>
public static class ImpactCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var versions = new List<string>();
        string? features = null, tags = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--features" or "--tags" when i + 1 >= args.Count:
                    stderr.WriteLine($"impact: {args[i]} needs a value.");
                    return CommandDispatcher.BadInput;
                case "--features": features = args[++i]; break;
                case "--tags": tags = args[++i]; break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    stderr.WriteLine($"impact: unknown option \"{option}\". Usage: impact FROM TO [--features DIR] [--tags EXPR]");
                    return CommandDispatcher.BadInput;
                default: versions.Add(args[i]); break;
            }
        }
        if (versions.Count != 2)
        {
            stderr.WriteLine($"impact takes two spec versions, e.g. impact 1.2.3 1.2.7 (the suite knows {SpecVersions.Describe()}).");
            return CommandDispatcher.BadInput;
        }
        if (versions.FirstOrDefault(v => !SpecVersions.IsSupported(v)) is { } unknown)
        {
            stderr.WriteLine($"impact: \"{unknown}\" is not a GP Connect version the suite knows (use {SpecVersions.Describe()}).");
            return CommandDispatcher.BadInput;
        }

        TagExpression? filter = null;
        if (tags is not null)
        {
            try { filter = TagExpression.Parse(tags); }
            catch (TagExpressionException e)
            {
                stderr.WriteLine($"--tags: {e.Message}");
                return CommandDispatcher.BadInput;
            }
        }
        var layout = SuiteLayout.Locate();
        var folder = features is null ? layout.Features : Path.GetFullPath(features, layout.WorkingRoot);
        if (!Directory.Exists(folder))
        {
            stderr.WriteLine($"The features folder {folder} does not exist.");
            return CommandDispatcher.BadInput;
        }
        var catalog = FeatureCatalog.Load(folder).Filter(filter);
        foreach (var error in catalog.Errors) stderr.WriteLine($"Feature file error: {error}");
        var impacts = VersionImpact.Compare(catalog.Scenarios, versions[0], versions[1]);
        stdout.WriteLine(VersionImpact.Render(impacts, versions[0], versions[1], catalog.Scenarios.Count));
        return catalog.Errors.Count == 0 ? CommandDispatcher.Ok : CommandDispatcher.Failures;
    }
}
