using System.Text.Json;
using GpConnect.Conformance.Fhir.Validation;

namespace GpConnect.Conformance.Fhir.Commands;

/// <summary>
/// The <c>validate</c> command for people: <c>validate FILE... [--profile NAME|URL] [--format json|text] [--definitions DIR]
/// [--service-type-max N|*]</c>. Prints each file's findings; exit code 0 when no file has an error, 1 when any has,
/// 2 for usage errors (unknown option, missing file, bad definitions directory).
/// </summary>
public static class ValidateCommand
{
    /// <summary>Usage text.</summary>
    public const string Usage = "usage: validate FILE... [--profile NAME|URL] [--format json|text] [--definitions DIR] [--service-type-max N|*]";

    /// <summary>Runs the command. Never throws for bad input.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var files = new List<string>();
        string? profile = null, definitions = null, format = "text";
        int? serviceTypeMax = 1;
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a is "--profile" or "--format" or "--definitions" or "--service-type-max")
            {
                if (i + 1 >= args.Length) return UsageError(stderr, $"option {a} needs a value");
                var v = args[++i];
                switch (a)
                {
                    case "--profile": profile = v; break;
                    case "--format":
                        if (v is not ("json" or "text")) return UsageError(stderr, $"--format must be json or text, not '{v}'");
                        format = v;
                        break;
                    case "--definitions": definitions = v; break;
                    default:
                        if (v == "*") serviceTypeMax = null;
                        else if (int.TryParse(v, out var n) && n >= 0) serviceTypeMax = n;
                        else return UsageError(stderr, $"--service-type-max must be a number or *, not '{v}'");
                        break;
                }
            }
            else if (a is "-h" or "--help")
            {
                stdout.WriteLine(Usage);
                return 0;
            }
            else if (a.StartsWith("--", StringComparison.Ordinal)) return UsageError(stderr, $"unknown option {a}");
            else files.Add(a);
        }
        if (files.Count == 0) return UsageError(stderr, "no FILE given");
        foreach (var f in files)
            if (!File.Exists(f)) return UsageError(stderr, $"file not found: {f}");

        ProfileValidator validator;
        var options = new ValidatorOptions { ServiceTypeMax = serviceTypeMax };
        try
        {
            validator = definitions is null ? ProfileValidator.CreateDefault(options) : ProfileValidator.FromDirectory(definitions, options);
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or InvalidDataException or IOException or FormatException)
        {
            return UsageError(stderr, $"cannot load definitions from '{definitions}': {ex.Message}");
        }
        if (profile is not null && validator.Definitions.FindStructure(profile) is null)
            return UsageError(stderr, $"unknown profile '{profile}'. Known: {string.Join(", ", validator.KnownProfiles)}");

        var anyError = false;
        var results = new List<(string File, IReadOnlyList<ValidationFinding> Findings)>();
        foreach (var file in files)
        {
            var findings = ValidateFile(file, validator, profile);
            anyError |= findings.Any(x => x.Severity == FindingSeverity.Error);
            results.Add((file, findings));
        }
        if (format == "json") WriteJson(results, stdout);
        else WriteText(results, stdout);
        return anyError ? 1 : 0;
    }

    /// <summary>Parses and validates one file: parse findings first, then profile findings.</summary>
    public static IReadOnlyList<ValidationFinding> ValidateFile(string file, ProfileValidator validator, string? profile)
    {
        var parsed = FhirParser.Parse(File.ReadAllText(file), FormatFromName(file));
        var findings = new List<ValidationFinding>(parsed.Findings);
        if (parsed.Root is null) return findings;
        var report = profile is not null ? validator.Validate(parsed.Root, profile) : validator.ValidateDeclared(parsed.Root);
        findings.AddRange(report.Findings);
        return findings;
    }

    private static FhirFormat? FormatFromName(string file) =>
        file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? FhirFormat.Json
        : file.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? FhirFormat.Xml : null;

    private static void WriteText(List<(string File, IReadOnlyList<ValidationFinding> Findings)> results, TextWriter w)
    {
        foreach (var (file, findings) in results)
        {
            var errors = findings.Count(f => f.Severity == FindingSeverity.Error);
            var warnings = findings.Count(f => f.Severity == FindingSeverity.Warning);
            w.WriteLine($"{file}: {(errors == 0 ? "valid" : "INVALID")} ({errors} error(s), {warnings} warning(s))");
            foreach (var f in findings) w.WriteLine("  " + f);
        }
    }

    private static void WriteJson(List<(string File, IReadOnlyList<ValidationFinding> Findings)> results, TextWriter w)
    {
        var payload = results.Select(r => new
        {
            file = r.File,
            valid = !r.Findings.Any(f => f.Severity == FindingSeverity.Error),
            findings = r.Findings.Select(f => new
            {
                severity = f.Severity.ToString().ToLowerInvariant(), path = f.Path, rule = f.Rule, expected = f.Expected,
                actual = f.Actual, message = f.Message, line = f.Line, column = f.Column,
            }),
        });
        w.WriteLine(JsonSerializer.Serialize(payload, new JsonSerializerOptions { WriteIndented = true }));
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine($"validate: {message}");
        stderr.WriteLine(Usage);
        return 2;
    }
}
