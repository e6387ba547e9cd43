using System.Diagnostics;
using System.Text;
using GpConnect.Conformance.Reporting.EvidencePack;
using GpConnect.Conformance.Reporting.Http;
using GpConnect.Conformance.Reporting.Tests.Fixtures;

namespace GpConnect.Conformance.Reporting.Tests.EvidencePack;

/// <summary>Bounded-time fuzzing (seeded, about 3 s): the report's JWT decoder and the redactor never throw on mangled tokens and bodies.</summary>
public sealed class RedactorFuzzTests
{
    [Fact]
    public void Mangled_tokens_and_bodies_never_throw()
    {
        var seconds = double.TryParse(Environment.GetEnvironmentVariable("GPCC_FUZZ_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 3;
        var random = new Random(12);
        var sources = new[] { "Bearer " + SampleRuns.Jwt(), SampleRuns.Jwt(), SampleRuns.PatientJson, SampleRuns.SlotXml };
        var clock = Stopwatch.StartNew();
        var cases = 0;
        const string alphabet = "{}[]\"<>.:=- eyJ\u0000\uD800é";
        var redactor = new Redactor();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            var text = new StringBuilder(sources[random.Next(sources.Length)]);
            for (var k = 1 + random.Next(4); k > 0 && text.Length > 0; k--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(4))
                {
                    case 0: text.Remove(at, Math.Min(1 + random.Next(10), text.Length - at)); break;
                    case 1: text.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    case 2: text.Length = at; break;
                    default: text.Insert(at, string.Concat(Enumerable.Repeat("{\"family\":[", random.Next(5, 300)))); break;
                }
            }
            var input = text.ToString();
            cases++;
            try
            {
                _ = JwtDecoder.TryDecode(input);
                redactor.LearnBody(input);
                _ = redactor.RedactText(input);
            }
            catch (Exception e)
            {
                throw new ShouldAssertException($"case {cases} (seed 12): {e.GetType().Name}: {e.Message}\n{input[..Math.Min(300, input.Length)]}", e);
            }
        }
        cases.ShouldBeGreaterThan(50);
    }
}
