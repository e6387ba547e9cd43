using System.Globalization;

namespace GpConnect.Conformance.Cli.Load;

/// <summary>The options of the load command, parsed from the command line.</summary>
public sealed record LoadOptions
{
    public const int DefaultConsumers = 4;
    public const double DefaultDurationSeconds = 10;
    public const int MaxConsumers = 256;
    public const double MaxDurationSeconds = 3600;

    public string? ConfigFile { get; init; }
    public int Consumers { get; init; } = DefaultConsumers;
    public double DurationSeconds { get; init; } = DefaultDurationSeconds;
    /// <summary>The interactions to drive (null: every read-only one whose test data is configured).</summary>
    public IReadOnlyList<string>? Interactions { get; init; }
    /// <summary>Requests per second over all consumers; null takes load:maxRequestsPerSecond from the configuration.</summary>
    public double? RequestsPerSecond { get; init; }
    public string? ReportsDirectory { get; init; }
    /// <summary>--writes: book and at once cancel free slots beside the reads (needs provider:allowWrites true).</summary>
    public bool Writes { get; init; }
    public IReadOnlyList<KeyValuePair<string, string?>> Overrides { get; init; } = [];

    public static string Usage => """
        Usage: run-tests.sh load [--consumers N] [--duration S] [--interactions a,b,…] [--rps R] [--writes] [--config FILE] [--set KEY=VALUE] [--reports DIR]
          --consumers N      concurrent consumers (default 4, at most 256)
          --duration S       stop after S seconds at most (default 10, at most 3600)
          --interactions …   comma-separated, from: capability, find-patient, read-patient, find-practitioner,
                             read-practitioner, find-organisation, read-organisation, read-location, free-slots
                             (default: all whose test data is configured)
          --rps R            cap on requests per second over all consumers (default load:maxRequestsPerSecond, 20)
          --writes           also book a free slot and cancel it at once, in turn with the reads (commands: SHALL < 250 ms,
                             SHOULD < 100 ms; every request counts against the cap); only with provider:allowWrites true
        A remote provider is driven only when load:target in the configuration names its provider:fhirBaseUrl.
        """;

    /// <summary>Parses the arguments; a problem is returned as one message naming the option.</summary>
    public static (LoadOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        var overrides = new List<KeyValuePair<string, string?>>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            switch (arg)
            {
                case "--config":
                    if (Value() is not { } config) return (null, "--config needs a file.");
                    options = options with { ConfigFile = config };
                    break;
                case "--consumers":
                    if (!int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var consumers) || consumers < 1 || consumers > MaxConsumers)
                        return (null, $"--consumers takes a whole number from 1 to {MaxConsumers}.");
                    options = options with { Consumers = consumers };
                    break;
                case "--duration":
                    if (!TryPositive(Value(), out var duration) || duration > MaxDurationSeconds)
                        return (null, $"--duration takes seconds, more than 0 and at most {MaxDurationSeconds:0}.");
                    options = options with { DurationSeconds = duration };
                    break;
                case "--rps":
                    if (!TryPositive(Value(), out var rps) || rps > LoadSettings.MaxRequestsPerSecondCeiling)
                        return (null, $"--rps takes requests per second, more than 0 and at most {LoadSettings.MaxRequestsPerSecondCeiling:0}.");
                    options = options with { RequestsPerSecond = rps };
                    break;
                case "--interactions":
                    if (Value() is not { } list) return (null, $"--interactions needs a comma-separated list from: {LoadInteractions.Names}.");
                    options = options with { Interactions = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
                    break;
                case "--writes":
                    options = options with { Writes = true };
                    break;
                case "--reports":
                    if (Value() is not { } reports) return (null, "--reports needs a folder.");
                    options = options with { ReportsDirectory = reports };
                    break;
                case "--set":
                    var pair = Value();
                    var eq = pair?.IndexOf('=') ?? -1;
                    if (pair is null || eq <= 0) return (null, "--set takes KEY=VALUE.");
                    overrides.Add(new(pair[..eq], pair[(eq + 1)..]));
                    break;
                default: return (null, $"Unknown option \"{arg}\".");
            }
        }
        return (options with { Overrides = overrides }, null);
    }

    private static bool TryPositive(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > 0 && double.IsFinite(value);

    /// <summary>Configuration overrides from the options (later wins).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> ConfigOverrides()
    {
        var all = new List<KeyValuePair<string, string?>>();
        if (ReportsDirectory is not null) all.Add(new("reports:directory", ReportsDirectory));
        all.AddRange(Overrides);
        return all;
    }
}
