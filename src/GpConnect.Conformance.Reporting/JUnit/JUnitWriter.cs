using System.Globalization;
using System.Text;
using System.Xml;
using GpConnect.Conformance.Reporting.Model;
using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.JUnit;

/// <summary>
/// Writes <c>junit.xml</c> in the common JUnit layout CI systems render: one <c>testsuite</c> per feature, one
/// <c>testcase</c> per scenario (outline rows included), <c>failure</c> for failed scenarios and feature load errors,
/// <c>skipped</c> for skipped, not-applicable and waived scenarios.
/// </summary>
public static class JUnitWriter
{
    /// <summary>The conventional file name inside a run folder.</summary>
    public const string FileName = "junit.xml";

    /// <summary>Name of the testcase reported for a feature file that could not be loaded.</summary>
    public const string LoadErrorCaseName = "Feature file could not be loaded";

    /// <summary>Writes the run as JUnit XML to a file (creating its folder).</summary>
    public static void Write(RunResult run, string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        using var stream = File.Create(path);
        Write(run, stream);
    }

    /// <summary>Returns the run as JUnit XML text.</summary>
    public static string ToXml(RunResult run)
    {
        using var stream = new MemoryStream();
        Write(run, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the run as UTF-8 JUnit XML to a stream.</summary>
    public static void Write(RunResult run, Stream stream)
    {
        var settings = new XmlWriterSettings
        {
            Indent = true, Encoding = new UTF8Encoding(false), CheckCharacters = true, NewLineChars = "\n",
        };
        using var xml = XmlWriter.Create(stream, settings);
        var suites = BuildSuites(run);

        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", run.Complete ? "GP Connect conformance" : "GP Connect conformance (incomplete run)");
        xml.WriteAttributeString("tests", Inv(suites.Sum(s => s.Cases.Count)));
        xml.WriteAttributeString("failures", Inv(suites.Sum(s => s.Failures)));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", Inv(suites.Sum(s => s.Skipped)));
        xml.WriteAttributeString("time", Seconds(run.Finished - run.Started));
        xml.WriteAttributeString("timestamp", Timestamp(run.Started));

        for (int i = 0; i < suites.Count; i++) WriteSuite(xml, suites[i], i, run);

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>The JUnit classname for a feature file: path without extension, '/' and '\' replaced by '.'.</summary>
    public static string ClassName(string featureFile)
    {
        var path = featureFile.Replace('\\', '/');
        var ext = Path.GetExtension(path);
        if (ext.Length > 0) path = path[..^ext.Length];
        return path.Trim('/').Replace('/', '.');
    }

    private sealed record Case(string Name, string ClassName, TimeSpan Time, ScenarioResult? Result, FeatureLoadError? LoadError)
    {
        public string File => Result?.Scenario.FeatureFile ?? LoadError!.File;
        public int Line => Result?.Scenario.Line ?? LoadError!.Line;
    }

    private sealed record Suite(string Name, string File, DateTimeOffset Timestamp, List<Case> Cases)
    {
        public int Failures => Cases.Count(c => c.LoadError is not null || c.Result?.Status == ScenarioStatus.Failed);
        public int Skipped => Cases.Count(c => c.Result is { Status: not (ScenarioStatus.Passed or ScenarioStatus.Failed or ScenarioStatus.Warning) });
        public int Warnings => Cases.Count(c => c.Result?.Status == ScenarioStatus.Warning);
        public TimeSpan Time => TimeSpan.FromTicks(Cases.Sum(c => c.Time.Ticks));
    }

    private static List<Suite> BuildSuites(RunResult run)
    {
        var suites = new List<Suite>();
        foreach (var group in run.Scenarios.GroupBy(s => (s.Scenario.FeatureFile, s.Scenario.FeatureName)))
        {
            var cases = group.Select(s => new Case(
                s.Scenario.DisplayName, ClassName(s.Scenario.FeatureFile), s.Duration, s, null)).ToList();
            var started = group.Min(s => s.Started);
            suites.Add(new Suite(group.Key.FeatureName, group.Key.FeatureFile, started == default ? run.Started : started, cases));
        }
        foreach (var error in run.FeatureErrors)
        {
            suites.Add(new Suite(error.File, error.File, run.Started,
                [new Case(LoadErrorCaseName, ClassName(error.File), TimeSpan.Zero, null, error)]));
        }
        return suites;
    }

    private static void WriteSuite(XmlWriter xml, Suite suite, int id, RunResult run)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", Clean(suite.Name));
        xml.WriteAttributeString("tests", Inv(suite.Cases.Count));
        xml.WriteAttributeString("failures", Inv(suite.Failures));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", Inv(suite.Skipped));
        xml.WriteAttributeString("time", Seconds(suite.Time));
        xml.WriteAttributeString("timestamp", Timestamp(suite.Timestamp));
        xml.WriteAttributeString("hostname", Clean(HostOf(run)));
        xml.WriteAttributeString("id", Inv(id));
        xml.WriteAttributeString("package", Clean(ClassName(suite.File)));
        xml.WriteAttributeString("file", Clean(suite.File));

        xml.WriteStartElement("properties");
        WriteProperty(xml, "featureFile", suite.File);
        if (!run.Complete) WriteProperty(xml, "complete", "false");
        if (suite.Warnings > 0) WriteProperty(xml, "warnings", Inv(suite.Warnings));
        foreach (var (key, value) in run.Metadata) WriteProperty(xml, key, value);
        xml.WriteEndElement();

        foreach (var c in suite.Cases) WriteCase(xml, c);

        xml.WriteElementString("system-out", "");
        xml.WriteElementString("system-err", "");
        xml.WriteEndElement();
    }

    private static void WriteProperty(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", Clean(name));
        xml.WriteAttributeString("value", Clean(value));
        xml.WriteEndElement();
    }

    private static void WriteCase(XmlWriter xml, Case c)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", Clean(c.Name));
        xml.WriteAttributeString("classname", Clean(c.ClassName));
        xml.WriteAttributeString("time", Seconds(c.Time));
        xml.WriteAttributeString("file", Clean(c.File));
        xml.WriteAttributeString("line", Inv(Math.Max(0, c.Line)));

        // A scenario that passed with warnings is a passed test case: CI tabs stay green, but the finding travels with it
        // as properties (outcome=warning, one "warning" per finding) and as readable text in <system-out>.
        var warnings = c.Result?.Warnings ?? [];
        if (warnings.Count > 0)
        {
            xml.WriteStartElement("properties");
            if (c.Result!.Status == ScenarioStatus.Warning) WriteProperty(xml, "outcome", "warning");
            foreach (var w in warnings) WriteProperty(xml, "warning", $"[{w.Rule}] {w.Message}");
            xml.WriteEndElement();
        }

        if (c.LoadError is { } error)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", Clean(error.ToString()));
            xml.WriteAttributeString("type", "FeatureLoadError");
            xml.WriteString(Clean(error.ToString()));
            xml.WriteEndElement();
        }
        else if (c.Result is { } r)
        {
            switch (r.Status)
            {
                case ScenarioStatus.Failed:
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("message", Clean(ScenarioText.FirstFailureMessage(r)));
                    xml.WriteAttributeString("type", Clean(r.Failures.FirstOrDefault()?.Rule ?? "ScenarioFailed"));
                    xml.WriteString(Clean(FailureBody(r)));
                    xml.WriteEndElement();
                    break;
                case ScenarioStatus.Skipped or ScenarioStatus.NotApplicable or ScenarioStatus.Waived:
                    xml.WriteStartElement("skipped");
                    xml.WriteAttributeString("message", Clean(SkipMessage(r)));
                    xml.WriteEndElement();
                    break;
            }
            if (warnings.Count > 0) xml.WriteElementString("system-out", Clean(WarningBody(r)));
        }
        xml.WriteEndElement();
    }

    private static string WarningBody(ScenarioResult r)
    {
        var sb = new StringBuilder();
        sb.AppendLine(r.Status == ScenarioStatus.Warning
            ? $"Passed with {r.Warnings.Count} warning(s): findings a person should read."
            : $"Also {r.Warnings.Count} warning(s):");
        foreach (var w in r.Warnings)
        {
            sb.AppendLine($"WARNING [{w.Rule}] {w.Message}");
            if (w.Path is not null) sb.AppendLine($"    at: {w.Path}");
            if (w.Expected is not null) sb.AppendLine($"    expected: {w.Expected}");
            if (w.Actual is not null) sb.AppendLine($"    actual: {w.Actual}");
        }
        sb.AppendLine($"Scenario id: {r.Scenario.Id}");
        return sb.ToString();
    }

    // "Skipped: …", "Not applicable: …" or "Waived: …", without doubling a prefix the reason already carries.
    private static string SkipMessage(ScenarioResult r)
    {
        var reason = r.Message ?? "no reason given";
        if (NotRun.Kind(r) is not null) return reason; // "Not run: provider unresponsive: …" says it all
        var label = r.Status switch
        {
            ScenarioStatus.NotApplicable => "Not applicable",
            ScenarioStatus.Waived => "Waived",
            _ => "Skipped",
        };
        return reason.StartsWith(label, StringComparison.OrdinalIgnoreCase) ? reason : $"{label}: {reason}";
    }

    private static string FailureBody(ScenarioResult r)
    {
        var sb = new StringBuilder();
        if (r.Message is not null) sb.AppendLine(r.Message);
        var failed = r.Steps.FirstOrDefault(s => s.Status is StepStatus.Failed or StepStatus.Undefined or StepStatus.Ambiguous);
        if (failed is not null)
        {
            sb.AppendLine($"Failed step (line {failed.Line}): {failed.Keyword.Trim()} {failed.Text} [{failed.Status}]");
            if (failed.Message is not null && failed.Message != r.Message) sb.AppendLine(failed.Message);
            if (failed.Snippet is not null) sb.AppendLine(failed.Snippet);
        }
        foreach (var f in r.Failures)
        {
            sb.AppendLine($"- [{f.Rule}] {f.Message}");
            if (f.Path is not null) sb.AppendLine($"    at: {f.Path}");
            if (f.Expected is not null) sb.AppendLine($"    expected: {f.Expected}");
            if (f.Actual is not null) sb.AppendLine($"    actual: {f.Actual}");
        }
        var last = r.Evidence.OfType<HttpExchangeEvidence>().LastOrDefault();
        if (last is not null) sb.AppendLine($"Last HTTP exchange: {ScenarioText.StatusLine(last)}");
        sb.AppendLine($"Scenario id: {r.Scenario.Id}");
        return sb.ToString();
    }

    private static string HostOf(RunResult run)
    {
        var target = run.Metadata.FirstOrDefault(kv => kv.Key.Equals("target", StringComparison.OrdinalIgnoreCase)).Value;
        if (target is not null && Uri.TryCreate(target, UriKind.Absolute, out var uri)) return uri.Host;
        return target ?? "localhost";
    }

    private static string Inv(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static string Seconds(TimeSpan t) => Math.Max(0, t.TotalSeconds).ToString("0.000", CultureInfo.InvariantCulture);
    private static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Drops characters XML 1.0 cannot carry (control characters, lone surrogates).</summary>
    internal static string Clean(string text)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            bool ok;
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb?.Append(ch).Append(text[i + 1]);
                i++;
                continue;
            }
            ok = ch is '\t' or '\n' or '\r' || (ch >= 0x20 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD);
            if (!ok && sb is null) sb = new StringBuilder(text, 0, i, text.Length);
            if (ok) sb?.Append(ch);
            else sb!.Append('\uFFFD');
        }
        return sb?.ToString() ?? text;
    }
}
