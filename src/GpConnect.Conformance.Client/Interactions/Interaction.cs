using System.Text;
using System.Text.RegularExpressions;

namespace GpConnect.Conformance.Client.Interactions;

/// <summary>The capability an interaction belongs to.</summary>
public enum Capability
{
    /// <summary>Foundations.</summary>
    Foundations,
    /// <summary>Appointment Management.</summary>
    AppointmentManagement,
}

/// <summary>
/// One GP Connect interaction: its name, <c>Ssp-InteractionID</c>, HTTP method, path template relative to the
/// service root (placeholders in braces, e.g. <c>/Patient/{id}</c>), JWT <c>requested_scope</c> and success status.
/// </summary>
public sealed partial record Interaction(
    string Name,
    string UseCase,
    Capability Capability,
    string InteractionId,
    HttpMethod Method,
    string PathTemplate,
    string Scope,
    int SuccessStatus)
{
    /// <summary>The placeholder names in <see cref="PathTemplate"/>, in order (e.g. <c>id</c>).</summary>
    public IReadOnlyList<string> PathParameters => Placeholder().Matches(PathTemplate).Select(m => m.Groups[1].Value).ToList();

    /// <summary>True for POST/PUT interactions that change provider data.</summary>
    public bool IsWrite => Method == HttpMethod.Post || Method == HttpMethod.Put;

    /// <summary>
    /// The relative path with placeholders filled (values are percent-encoded as one path segment), e.g.
    /// <c>ResolvePath(("id", "42"))</c> → <c>/Patient/42</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A placeholder has no value, or a value names no placeholder.</exception>
    public string ResolvePath(params (string Name, string Value)[] values)
    {
        var map = values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        var unknown = map.Keys.Except(PathParameters).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"{Name}: path {PathTemplate} has no placeholder {{{string.Join("}, {", unknown)}}}.", nameof(values));
        return Placeholder().Replace(PathTemplate, m => map.TryGetValue(m.Groups[1].Value, out var v)
            ? Uri.EscapeDataString(v)
            : throw new ArgumentException($"{Name}: path {PathTemplate} needs a value for {{{m.Groups[1].Value}}}.", nameof(values)));
    }

    /// <summary>The relative path of an interaction with exactly one placeholder (usually <c>{id}</c>).</summary>
    public string ResolvePath(string id) =>
        PathParameters.Count == 1
            ? ResolvePath((PathParameters[0], id))
            : throw new ArgumentException($"{Name}: path {PathTemplate} has {PathParameters.Count} placeholders, not one.", nameof(id));

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Method} {PathTemplate}, {InteractionId})";

    [GeneratedRegex("\\{([A-Za-z]+)\\}")]
    private static partial Regex Placeholder();

    /// <summary>Lower-case letters and digits only, with articles, possessives and US spelling folded.</summary>
    internal static string NormaliseName(string name)
    {
        var words = Regex.Split(name.Replace("'s", "", StringComparison.OrdinalIgnoreCase), "[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])")
            .Select(w => w.ToLowerInvariant())
            .Where(w => w.Length > 0 && w is not ("a" or "an" or "the"));
        var text = new StringBuilder();
        foreach (var w in words) text.Append(w);
        return text.ToString().Replace("organization", "organisation", StringComparison.Ordinal);
    }
}
