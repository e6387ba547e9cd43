using System.Text.RegularExpressions;
using GpConnect.Conformance.Client.Configuration;

namespace GpConnect.Conformance.Specs.Versions;

/// <summary>What kind of expectation differs by spec version.</summary>
public enum ExpectationKind
{
    /// <summary>An expected element value, e.g. CapabilityStatement.version.</summary>
    Value,
    /// <summary>An expected HTTP status.</summary>
    Status,
    /// <summary>An expected Spine error code.</summary>
    ErrorCode,
    /// <summary>An element's allowed cardinality.</summary>
    Cardinality,
    /// <summary>A timing leeway (e.g. JWT clock skew).</summary>
    Leeway,
}

/// <summary>
/// One row of the table of expectations that differ by target spec version: what is expected, per version, the
/// release-note ticket behind each version's value, and the step that checks it (so the scenarios it touches are found).
/// </summary>
/// <param name="Subject">What is expected, e.g. "CapabilityStatement.version".</param>
/// <param name="Kind">Status, error code, cardinality, leeway or value.</param>
/// <param name="Values">The expected value for each supported spec version.</param>
/// <param name="Tickets">The release-note ticket (or note) behind each version's value.</param>
/// <param name="CheckingStep">Matches the text of the step(s) that check this expectation.</param>
public sealed record VersionDependentExpectation(
    string Subject, ExpectationKind Kind, IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Tickets, Regex CheckingStep)
{
    public string ValueFor(string version) => Values.TryGetValue(version, out var value) ? value
        : throw new ArgumentException($"specVersion \"{version}\" is not supported (use {SpecVersions.Describe()})", nameof(version));

    public string TicketFor(string version) => Tickets.TryGetValue(version, out var ticket) ? ticket : "";
}

/// <summary>
/// The project's one table of version-dependent expectations. <see cref="Domain.SpecVersionExpectations"/> reads the
/// target version's values from it, and <see cref="VersionImpact"/> compares two versions with it. A new expectation
/// that differs by version is a new row here (with the step that checks it), never an if in a step.
/// </summary>
public static class SpecVersionTable
{
    /// <summary>CapabilityStatement.version (#637, the 1.2.4 note, #905).</summary>
    public static VersionDependentExpectation CapabilityVersion { get; } = new(
        "CapabilityStatement.version", ExpectationKind.Value,
        SpecVersions.Supported.ToDictionary(v => v, SpecVersions.CapabilityVersionFor, StringComparer.Ordinal),
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["1.2.3"] = "#637",
            ["1.2.4"] = "1.2.4 release note: the version stays 1.2.3",
            ["1.2.7"] = "#905",
        },
        new Regex("^the capability statement version should be the one expected for the target spec version$", RegexOptions.CultureInvariant));

    public static IReadOnlyList<VersionDependentExpectation> Rows { get; } = [CapabilityVersion];
}
