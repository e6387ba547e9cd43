using System.Text.Json;
using System.Text.Json.Serialization;
using GpConnect.Conformance.Reporting.Model;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Json;

/// <summary>
/// Writes and reads <c>results.json</c> (schema version <see cref="SchemaVersion"/>, documented in reports/README.md):
/// everything needed to compare runs, with evidence excerpted by default.
/// </summary>
public static class ResultsJson
{
    /// <summary>The schema version this code writes and the only one it reads.</summary>
    public const int SchemaVersion = 2;

    /// <summary>The oldest layout this reader still reads: version 1 had no warning status and no warnings list.</summary>
    public const int OldestReadableSchemaVersion = 1;

    /// <summary>The conventional file name inside a run folder.</summary>
    public const string FileName = "results.json";

    private static JsonSerializerOptions Options(bool indented) => new(JsonSerializerDefaults.Web)
    {
        WriteIndented = indented,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Serialises a run to results.json text.</summary>
    public static string Serialize(RunResult run, ResultsJsonOptions? options = null)
    {
        options ??= new ResultsJsonOptions();
        return JsonSerializer.Serialize(ToDocument(run, options), Options(options.Indented));
    }

    /// <summary>Writes a run to a file (creating its folder).</summary>
    public static void Write(RunResult run, string path, ResultsJsonOptions? options = null)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, Serialize(run, options));
    }

    /// <summary>Reads a results.json file back into a <see cref="RunResult"/> (evidence as far as it was written).</summary>
    /// <exception cref="ResultsFormatException">The file is missing, not JSON, or of another schema version.</exception>
    public static RunResult Read(string path)
    {
        if (!File.Exists(path)) throw new ResultsFormatException($"Results file not found: {path}");
        try
        {
            return Deserialize(File.ReadAllText(path), path);
        }
        catch (ResultsFormatException) { throw; }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            throw new ResultsFormatException($"{path}: not a valid results.json ({ex.Message})", ex);
        }
    }

    /// <summary>Parses results.json text; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="ResultsFormatException">Not JSON, or of another schema version.</exception>
    public static RunResult Deserialize(string json, string source = "results.json")
    {
        ResultsDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<ResultsDocument>(json, Options(false));
        }
        catch (JsonException ex)
        {
            throw new ResultsFormatException($"{source}: not a valid results.json ({ex.Message})", ex);
        }
        if (doc is null) throw new ResultsFormatException($"{source}: empty results document.");
        if (doc.SchemaVersion is < OldestReadableSchemaVersion or > SchemaVersion)
            throw new ResultsFormatException(
                $"{source}: schemaVersion {doc.SchemaVersion} is not supported (this reader understands {OldestReadableSchemaVersion} to {SchemaVersion}).");
        return FromDocument(doc, source);
    }

    private static ResultsDocument ToDocument(RunResult run, ResultsJsonOptions options) => new()
    {
        SchemaVersion = SchemaVersion,
        Complete = run.Complete,
        Started = run.Started,
        Finished = run.Finished,
        Metadata = run.Metadata.Select(kv => new NameValue { Name = kv.Key, Value = kv.Value }).ToList(),
        Totals = new TotalsDto
        {
            Scenarios = run.Scenarios.Count,
            Passed = run.Count(ScenarioStatus.Passed),
            Failed = run.Count(ScenarioStatus.Failed),
            Skipped = run.Count(ScenarioStatus.Skipped),
            NotApplicable = run.Count(ScenarioStatus.NotApplicable),
            Waived = run.Count(ScenarioStatus.Waived),
            Warning = run.Count(ScenarioStatus.Warning),
            FeatureErrors = run.FeatureErrors.Count,
        },
        FeatureErrors = run.FeatureErrors
            .Select(e => new FeatureErrorDto { File = e.File, Line = e.Line, Column = e.Column, Message = e.Message }).ToList(),
        Scenarios = run.Scenarios.Select(s => ToDto(s, options)).ToList(),
    };

    private static ScenarioDto ToDto(ScenarioResult s, ResultsJsonOptions options) => new()
    {
        Id = s.Scenario.Id,
        FeatureFile = s.Scenario.FeatureFile,
        FeatureName = s.Scenario.FeatureName,
        Name = s.Scenario.Name,
        DisplayName = s.Scenario.DisplayName,
        Line = s.Scenario.Line,
        ExampleRow = s.Scenario.ExampleRow,
        Tags = s.Scenario.Tags.ToList(),
        Status = StatusText.Token(s.Status),
        Message = s.Message,
        Started = s.Started,
        DurationMs = s.Duration.TotalMilliseconds,
        Failures = s.Failures.Select(f => new FailureDto
            { Rule = f.Rule, Path = f.Path, Expected = f.Expected, Actual = f.Actual, Message = f.Message }).ToList(),
        Warnings = s.Warnings.Count == 0 ? null : s.Warnings.Select(f => new FailureDto
            { Rule = f.Rule, Path = f.Path, Expected = f.Expected, Actual = f.Actual, Message = f.Message }).ToList(),
        Steps = s.Steps.Select(st => new StepDto
        {
            Keyword = st.Keyword, Text = st.Text, Line = st.Line, Status = st.Status.ToString().ToLowerInvariant(),
            DurationMs = st.Duration.TotalMilliseconds, Message = st.Message, Snippet = st.Snippet,
        }).ToList(),
        Evidence = options.Evidence == EvidenceDetail.None ? [] : s.Evidence.Select(e => ToDto(e, options)).ToList(),
    };

    private static EvidenceDto ToDto(Evidence evidence, ResultsJsonOptions options)
    {
        bool full = options.Evidence == EvidenceDetail.Full;
        bool truncated = false;
        string? Cut(string? text)
        {
            if (text is null || full || text.Length <= options.ExcerptLength) return text;
            truncated = true;
            return text[..options.ExcerptLength];
        }

        EvidenceDto dto = evidence switch
        {
            TextEvidence t => new EvidenceDto { Kind = "text", Title = t.Title, Text = Cut(t.Text) },
            HttpExchangeEvidence h => new EvidenceDto
            {
                Kind = "http", Title = h.Title, Method = h.Method, Url = h.Url, StatusCode = h.StatusCode,
                DurationMs = h.Duration.TotalMilliseconds, Started = h.Started, TransportError = h.TransportError,
                RequestHeaders = full ? h.RequestHeaders.Select(kv => new NameValue { Name = kv.Key, Value = kv.Value }).ToList() : null,
                ResponseHeaders = full ? h.ResponseHeaders.Select(kv => new NameValue { Name = kv.Key, Value = kv.Value }).ToList() : null,
                RequestBody = Cut(h.RequestBody),
                ResponseBody = Cut(h.ResponseBody),
            },
            _ => new EvidenceDto { Kind = "other", Title = evidence.Title, Text = Cut(evidence.ToString()) },
        };
        dto.Truncated = truncated ? true : null;
        return dto;
    }

    private static RunResult FromDocument(ResultsDocument doc, string source) => new()
    {
        Started = doc.Started,
        Finished = doc.Finished,
        Complete = doc.Complete,
        Metadata = doc.Metadata.Select(m => new KeyValuePair<string, string>(m.Name, m.Value)).ToList(),
        FeatureErrors = doc.FeatureErrors.Select(e => new FeatureLoadError(e.File, e.Line, e.Column, e.Message)).ToList(),
        Scenarios = doc.Scenarios.Select(s => FromDto(s, source)).ToList(),
    };

    private static ScenarioResult FromDto(ScenarioDto s, string source) => new()
    {
        Scenario = new ScenarioInfo
        {
            Id = s.Id, FeatureFile = s.FeatureFile, FeatureName = s.FeatureName, Name = s.Name, Line = s.Line,
            ExampleRow = s.ExampleRow, Tags = s.Tags,
        },
        Status = StatusText.Parse(s.Status)
                 ?? throw new ResultsFormatException($"{source}: scenario '{s.Id}' has unknown status '{s.Status}'."),
        Message = s.Message,
        Started = s.Started,
        Duration = TimeSpan.FromMilliseconds(s.DurationMs),
        Failures = s.Failures.Select(f => new CheckFailure(f.Rule, f.Path, f.Expected, f.Actual, f.Message)).ToList(),
        Warnings = (s.Warnings ?? []).Select(f => new CheckFailure(f.Rule, f.Path, f.Expected, f.Actual, f.Message)).ToList(),
        Steps = s.Steps.Select(st => new StepResult(
            st.Keyword, st.Text, st.Line,
            Enum.TryParse<StepStatus>(st.Status, ignoreCase: true, out var ss)
                ? ss : throw new ResultsFormatException($"{source}: step '{st.Text}' of '{s.Id}' has unknown status '{st.Status}'."),
            TimeSpan.FromMilliseconds(st.DurationMs), st.Message, st.Snippet)).ToList(),
        Evidence = s.Evidence.Select(FromDto).ToList(),
    };

    private static Evidence FromDto(EvidenceDto e) => e.Kind switch
    {
        "http" => new HttpExchangeEvidence(
            e.Title, e.Method ?? "", e.Url ?? "",
            (e.RequestHeaders ?? []).Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList(),
            e.RequestBody, e.StatusCode,
            (e.ResponseHeaders ?? []).Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList(),
            e.ResponseBody, TimeSpan.FromMilliseconds(e.DurationMs ?? 0), e.Started ?? default, e.TransportError),
        _ => new TextEvidence(e.Title, e.Text ?? ""),
    };
}
