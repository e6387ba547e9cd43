using System.Diagnostics;
using System.Text;
using GpConnect.Conformance.Fhir.Tests.Support;
using GpConnect.Conformance.Fhir.Validation;
using GpConnect.Conformance.Fhir.Writing;
using Shouldly;

namespace GpConnect.Conformance.Fhir.Tests.Parsing;

/// <summary>
/// Bounded-time fuzzing (a seeded random mutator, a few seconds per format): malformed, truncated, byte-flipped, deeply
/// nested and repeated inputs must come back as findings, never as an exception or a dead process. The seed is printed
/// so a failure can be replayed; GPCC_FUZZ_SECONDS lengthens a run locally.
/// </summary>
public class ParserFuzzTests(ITestOutputHelper output)
{
    private static readonly ProfileValidator Validator = ProfileValidator.CreateDefault();

    internal static TimeSpan Budget =>
        TimeSpan.FromSeconds(double.TryParse(Environment.GetEnvironmentVariable("GPCC_FUZZ_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 3);

    [Theory]
    [InlineData(FhirFormat.Json, 1)]
    [InlineData(FhirFormat.Xml, 2)]
    public void Mutated_bodies_are_findings_never_exceptions(FhirFormat format, int seed)
    {
        var bundle = Fixtures.Parse(Fixtures.BundleJson);
        var source = format == FhirFormat.Json ? Fixtures.BundleJson : FhirXmlWriter.Write(bundle);
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var cases = 0;
        while (clock.Elapsed < Budget)
        {
            var text = Mutator.Mutate(source, random);
            cases++;
            ParseResult parsed;
            try
            {
                parsed = FhirParser.Parse(text, format);
                if (parsed.Root is not null) Validator.ValidateDeclared(parsed.Root);
            }
            catch (Exception e)
            {
                throw new ShouldAssertException($"seed {seed}, case {cases}: {e.GetType().Name}: {e.Message}\ninput (first 500 chars): {text[..Math.Min(500, text.Length)]}", e);
            }
            var internalError = parsed.Findings.FirstOrDefault(f => f.Rule == "parse.internal");
            internalError.ShouldBeNull($"seed {seed}, case {cases}: {internalError?.Message}\ninput (first 300 chars): {text[..Math.Min(300, text.Length)]}");
        }
        output.WriteLine($"{format}: {cases} mutated bodies in {clock.Elapsed.TotalSeconds:0.0} s (seed {seed})");
        cases.ShouldBeGreaterThan(20);
    }
}

/// <summary>A small structure-aware mutator: byte and character edits, truncation, splicing, repetition and nesting bombs.</summary>
internal static class Mutator
{
    private const string Alphabet = "{}[]\",:<>/=&;#!?- \t\n\r\\a1éЖ\uD800\u0000\uFFFD";

    public static string Mutate(string source, Random random)
    {
        var text = new StringBuilder(source);
        var edits = 1 + random.Next(6);
        for (var k = 0; k < edits && text.Length > 0; k++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(9))
            {
                case 0: text.Remove(at, Math.Min(1 + random.Next(8), text.Length - at)); break;
                case 1: text.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                case 2: text[at] = (char)random.Next(0, 0x3000); break;
                case 3: text.Length = at; break; // truncation
                case 4: // repeat a slice many times
                    var len = Math.Min(1 + random.Next(40), text.Length - at);
                    var slice = text.ToString(at, len);
                    text.Insert(at, string.Concat(Enumerable.Repeat(slice, 1 + random.Next(200))));
                    break;
                case 5: // nesting bomb
                    var depth = random.Next(50, 5000);
                    var open = source.TrimStart().StartsWith('<') ? "<extension>" : "{\"a\":[";
                    text.Insert(at, string.Concat(Enumerable.Repeat(open, depth)));
                    break;
                case 6: // splice another part of the source in
                    var from = random.Next(source.Length);
                    text.Insert(at, source.AsSpan(from, Math.Min(random.Next(200), source.Length - from)));
                    break;
                case 7: text.Insert(at, "<!DOCTYPE x [<!ENTITY e \"&e;&e;\">]>&e;"); break;
                default: text.Insert(at, "\\u" + random.Next(0xFFFF).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)); break;
            }
            if (text.Length > 2_000_000) text.Length = 2_000_000;
        }
        return text.ToString();
    }
}
