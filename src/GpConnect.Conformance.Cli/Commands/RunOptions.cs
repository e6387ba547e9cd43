namespace GpConnect.Conformance.Cli.Commands;

/// <summary>The options of the run command, parsed from the command line.</summary>
public sealed record RunOptions
{
    public string? ConfigFile { get; init; }
    public string? Tags { get; init; }
    public string? SpecVersion { get; init; }
    public bool DryRun { get; init; }
    public IReadOnlyList<string> Faults { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, string?>> Overrides { get; init; } = [];
    public string? FeaturesDirectory { get; init; }
    public string? ReportsDirectory { get; init; }
    public string? Compare { get; init; }
    public bool NoCompare { get; init; }
    public string FailOn { get; init; } = "any";
    public string? WaiversFile { get; init; }
    public bool Redact { get; init; }
    public bool CheckData { get; init; }
    public string? SignKey { get; init; }
    public int? KeepRuns { get; init; }
    public int? KeepDays { get; init; }
    /// <summary>--no-cucumber: no Cucumber Messages / Cucumber HTML report in the run folder for this run.</summary>
    public bool NoCucumber { get; init; }
    public string? AsOf { get; init; }

    /// <summary>Parses the arguments; a problem is returned as a message naming the option.</summary>
    public static (RunOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new RunOptions();
        var faults = new List<string>();
        var overrides = new List<KeyValuePair<string, string?>>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    throw new FormatException($"{arg} needs a value.");
                return args[++i];
            }
            try
            {
                switch (arg)
                {
                    case "--config": options = options with { ConfigFile = Value() }; break;
                    case "--tags": options = options with { Tags = Value() }; break;
                    case "--spec-version": options = options with { SpecVersion = Value() }; break;
                    case "--dry-run": options = options with { DryRun = true }; break;
                    case "--fault": faults.Add(Value()); break;
                    case "--set":
                        var pair = Value();
                        var eq = pair.IndexOf('=');
                        if (eq <= 0) return (null, $"--set takes KEY=VALUE, not \"{pair}\".");
                        overrides.Add(new(pair[..eq], pair[(eq + 1)..]));
                        break;
                    case "--features": options = options with { FeaturesDirectory = Value() }; break;
                    case "--reports": options = options with { ReportsDirectory = Value() }; break;
                    case "--compare": options = options with { Compare = Value() }; break;
                    case "--no-compare": options = options with { NoCompare = true }; break;
                    case "--fail-on":
                        var failOn = Value();
                        if (failOn is not ("any" or "new" or "warning")) return (null, $"--fail-on takes \"any\", \"new\" or \"warning\", not \"{failOn}\".");
                        options = options with { FailOn = failOn };
                        break;
                    case "--waivers": options = options with { WaiversFile = Value() }; break;
                    case "--redact": options = options with { Redact = true }; break;
                    case "--check-data": options = options with { CheckData = true }; break;
                    case "--sign-key": options = options with { SignKey = Value() }; break;
                    case "--keep-runs": options = options with { KeepRuns = Count(arg, Value()) }; break;
                    case "--keep-days": options = options with { KeepDays = Count(arg, Value()) }; break;
                    case "--warn-below-runs": overrides.Add(new("run:warnBelowRuns", Value())); break;
                    case "--time-budget": overrides.Add(new("run:timeBudgetMinutes", Value())); break;
                    case "--no-cucumber": options = options with { NoCucumber = true }; break;
                    case "--parallel":
                        var parallel = Value();
                        if (!int.TryParse(parallel, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var degree) || degree is < 1 or > 64)
                            return (null, $"--parallel takes a whole number from 1 to 64, not \"{parallel}\".");
                        overrides.Add(new("run:parallel", parallel));
                        break;
                    case "--as-of":
                        var asOf = Value();
                        if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
                            return (null, $"--as-of takes a date written YYYY-MM-DD, not \"{asOf}\".");
                        options = options with { AsOf = asOf };
                        break;
                    default: return (null, $"Unknown option \"{arg}\".");
                }
            }
            catch (FormatException e)
            {
                return (null, e.Message);
            }
        }
        return (options with { Faults = faults, Overrides = overrides }, null);
    }

    private static int Count(string option, string value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n : throw new FormatException($"{option} takes a whole number (0 or more), not \"{value}\".");

    /// <summary>Configuration overrides from the options, in the order they apply (later wins).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> ConfigOverrides()
    {
        var all = new List<KeyValuePair<string, string?>>();
        if (SpecVersion is not null) all.Add(new("specVersion", SpecVersion));
        if (ReportsDirectory is not null) all.Add(new("reports:directory", ReportsDirectory));
        if (SignKey is not null) all.Add(new("reports:signingKey", Path.GetFullPath(SignKey)));
        if (KeepRuns is not null) all.Add(new("reports:keepRuns", KeepRuns.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (KeepDays is not null) all.Add(new("reports:keepDays", KeepDays.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (AsOf is not null) all.Add(new("asOf", AsOf));
        for (var i = 0; i < Faults.Count; i++) all.Add(new($"provider:embedded:faults:{i}", Faults[i]));
        all.AddRange(Overrides);
        return all;
    }
}
