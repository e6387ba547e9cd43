using System.Globalization;
using System.Text.Json;
using GpConnect.Conformance.Runner.Results;
using GpConnect.Conformance.Text;

namespace GpConnect.Conformance.Reporting.Outcomes;

/// <summary>A failed scenario turned Waived, and the waiver that did it.</summary>
public sealed record AppliedWaiver(string ScenarioId, Waiver Waiver);

/// <summary>The run after waivers, with what was applied and which waivers had expired.</summary>
public sealed record WaiverOutcome(RunResult Run, IReadOnlyList<AppliedWaiver> Applied, IReadOnlyList<Waiver> Expired);

/// <summary>
/// Waivers loaded from a JSON file (format in reports/README.md):
/// <code>{ "waivers": [ { "scenario": "features/x.feature:12", "reason": "…", "owner": "…", "expires": "2026-12-31" },
///                  { "tag": "@ticket-912", "reason": "…", "owner": "…", "expires": "2026-12-31" } ] }</code>
/// </summary>
public sealed class WaiverSet
{
    /// <summary>Creates a set from waivers built in code.</summary>
    public WaiverSet(IReadOnlyList<Waiver> waivers) => Waivers = waivers;

    /// <summary>All waivers, current and expired.</summary>
    public IReadOnlyList<Waiver> Waivers { get; }

    /// <summary>Reads a waiver file.</summary>
    /// <exception cref="WaiverFileException">Missing file, bad JSON, or an entry without a required field; names file and entry.</exception>
    public static WaiverSet Load(string path)
    {
        if (!File.Exists(path)) throw new WaiverFileException($"Waiver file not found: {path}");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses waiver JSON; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="WaiverFileException">Bad JSON, or an entry without a required field.</exception>
    public static WaiverSet Parse(string json, string source = "waivers.json")
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new WaiverFileException($"{source}: not valid JSON ({ex.Message})", ex);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("waivers", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new WaiverFileException($"{source}: expected an object with a \"waivers\" array.");

            var waivers = new List<Waiver>();
            int i = 0;
            foreach (var entry in list.EnumerateArray())
            {
                waivers.Add(ParseEntry(entry, $"{source}: waivers[{i}]"));
                i++;
            }
            return new WaiverSet(waivers);
        }
    }

    private static Waiver ParseEntry(JsonElement e, string where)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new WaiverFileException($"{where}: expected an object.");
        string? Get(string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
                ? v.GetString()!.Trim() : null;
        string Required(string name) => Get(name) ?? throw new WaiverFileException($"{where}: \"{name}\" is required.");

        var scenario = Get("scenario");
        var tag = Get("tag");
        if ((scenario is null) == (tag is null))
            throw new WaiverFileException($"{where}: give exactly one of \"scenario\" (a scenario id) or \"tag\".");
        if (tag is not null && !tag.StartsWith('@')) tag = "@" + tag;

        var expiresText = Required("expires");
        if (!DateOnly.TryParseExact(expiresText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
            throw new WaiverFileException($"{where}: \"expires\" must be a date yyyy-MM-dd, got \"{expiresText}\".");

        return new Waiver(scenario, tag, Required("reason"), Required("owner"), expires);
    }

    /// <summary>Waivers past their expiry date on <paramref name="today"/>.</summary>
    public IReadOnlyList<Waiver> ExpiredOn(DateOnly today) => Waivers.Where(w => !w.IsCurrent(today)).ToList();

    /// <summary>The first current waiver matching the scenario, or null.</summary>
    public Waiver? Match(ScenarioInfo scenario, DateOnly today) =>
        Waivers.FirstOrDefault(w => w.IsCurrent(today) && Matches(w, scenario));

    /// <summary>
    /// Turns each failed scenario, and each scenario that passed with warnings, matched by a current waiver into Waived, its
    /// message saying the waiver's reason and owner and keeping the original failure or findings (a waived warning no longer
    /// counts under <c>--fail-on warning</c>). Other statuses and expired waivers change nothing. Feature load errors are never waived.
    /// </summary>
    public WaiverOutcome Apply(RunResult run, DateOnly today)
    {
        var applied = new List<AppliedWaiver>();
        var scenarios = run.Scenarios.Select(s =>
        {
            if (s.Status is not (ScenarioStatus.Failed or ScenarioStatus.Warning) || Match(s.Scenario, today) is not { } w) return s;
            applied.Add(new AppliedWaiver(s.Scenario.Id, w));
            var original = s.Status == ScenarioStatus.Warning
                ? "Warning: " + string.Join(" ", s.Warnings.Select(f => $"[{f.Rule}] {f.Message}"))
                : s.Message;
            return s with { Status = ScenarioStatus.Waived, Message = WaivedMessage(w, original) };
        }).ToList();
        return new WaiverOutcome(run with { Scenarios = scenarios }, applied, ExpiredOn(today));
    }

    /// <summary>The message a waived scenario carries.</summary>
    public static string WaivedMessage(Waiver w, string? originalMessage) =>
        $"Waived: {w.Reason} (owner {w.Owner}, expires {w.Expires:yyyy-MM-dd})."
        + (originalMessage is null ? "" : $" Original failure: {originalMessage}");

    /// <summary>
    /// The waivers that match none of <paramref name="allScenarios"/> (every scenario of the features, before any tag
    /// filter), each described in one line with the nearest scenario id or tag. A waiver naming a scenario or tag that does
    /// not exist covers nothing, so the run command refuses the file (exit code 2) rather than let an engineer believe a
    /// deviation is waived.
    /// </summary>
    public IReadOnlyList<string> Unmatched(IReadOnlyCollection<ScenarioInfo> allScenarios, string source = "waivers.json")
    {
        var problems = new List<string>();
        for (var i = 0; i < Waivers.Count; i++)
        {
            var w = Waivers[i];
            if (allScenarios.Any(s => Matches(w, s))) continue;
            var known = w.ScenarioId is not null
                ? allScenarios.Select(s => s.Id).Distinct()
                : allScenarios.SelectMany(s => s.Tags).Distinct(StringComparer.OrdinalIgnoreCase);
            var wanted = w.ScenarioId ?? w.Tag!;
            var hint = NearestName.Within(wanted, known) is { } nearest ? $"; did you mean {nearest}?" : "";
            problems.Add($"{source}: waivers[{i}] names {w.Target}, which matches no scenario of the features{hint}");
        }
        return problems;
    }

    private static bool Matches(Waiver w, ScenarioInfo s)
    {
        if (w.ScenarioId is { } id)
            return string.Equals(s.Id, id, StringComparison.Ordinal) || s.Id.StartsWith(id + ":", StringComparison.Ordinal);
        return s.Tags.Any(t => string.Equals(t, w.Tag, StringComparison.OrdinalIgnoreCase));
    }
}
