namespace GpConnect.Conformance.Client.Configuration;

/// <summary>One problem with the configuration: the key (colon-separated, as in <c>provider:asid</c>) and the file.</summary>
/// <param name="Key">The configuration key at fault; empty for a problem with the file as a whole.</param>
/// <param name="File">The configuration file, as given to the loader.</param>
/// <param name="Message">A complete sentence naming the key, e.g. <c>provider:asid must be digits only (got "abc")</c>.</param>
/// <param name="Origin">Where the offending value came from when not the file, e.g. <c>environment variable GPCC_PROVIDER__ASID</c> or <c>override</c>; null for the file (or a missing value).</param>
public sealed record ConfigurationProblem(string Key, string File, string Message, string? Origin = null)
{
    /// <inheritdoc />
    public override string ToString() => Origin is null ? $"{File}: {Message}" : $"{File}: {Message} (value from {Origin})";
}

/// <summary>
/// Bad configuration. <see cref="Exception.Message"/> lists every problem found, one per line, each as
/// <c>file: message naming the key</c>. <see cref="Key"/> and <see cref="File"/> are those of the first problem.
/// Hosts should print the message and exit with code 2.
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception from one or more problems.</summary>
    public ConfigurationException(IReadOnlyList<ConfigurationProblem> problems)
        : base(Format(problems))
    {
        Problems = problems;
        Key = problems[0].Key;
        File = problems[0].File;
    }

    /// <summary>The key of the first problem.</summary>
    public string Key { get; }

    /// <summary>The configuration file.</summary>
    public string File { get; }

    /// <summary>All problems, in the order they were found.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    private static string Format(IReadOnlyList<ConfigurationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0) throw new ArgumentException("A configuration error names at least one problem.", nameof(problems));
        return string.Join(Environment.NewLine, problems.Select(p => p.ToString()));
    }
}
