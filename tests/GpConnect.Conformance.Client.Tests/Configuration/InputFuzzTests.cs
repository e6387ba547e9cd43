using System.Diagnostics;
using System.Text;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Jwt;
using GpConnect.Conformance.Client.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Client.Tests.Configuration;

/// <summary>
/// Bounded-time fuzzing with a seeded mutator (about 3 s each; GPCC_FUZZ_SECONDS lengthens it): a mangled configuration
/// file is only ever a <see cref="ConfigurationException"/> (exit code 2 at the command line), and the JWT decoder never throws.
/// </summary>
public sealed class InputFuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static TimeSpan Budget =>
        TimeSpan.FromSeconds(double.TryParse(Environment.GetEnvironmentVariable("GPCC_FUZZ_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 3);

    private static string Mutate(string source, Random random)
    {
        const string alphabet = "{}[]\",:./\\ \n0a-_\u0000\uD800é";
        var text = new StringBuilder(source);
        for (var k = 1 + random.Next(5); k > 0 && text.Length > 0; k--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(6))
            {
                case 0: text.Remove(at, Math.Min(1 + random.Next(12), text.Length - at)); break;
                case 1: text.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                case 2: text[at] = (char)random.Next(1, 0x800); break;
                case 3: text.Length = at; break;
                case 4:
                    var len = Math.Min(1 + random.Next(60), text.Length - at);
                    text.Insert(at, string.Concat(Enumerable.Repeat(text.ToString(at, len), 1 + random.Next(30))));
                    break;
                default: text.Insert(at, string.Concat(Enumerable.Repeat("{\"a\":", random.Next(10, 300)))); break;
            }
        }
        return text.ToString();
    }

    [Fact]
    public void A_mangled_config_file_is_a_configuration_error_never_a_crash()
    {
        var source = File.ReadAllText(RepositoryPaths.DefaultConfig);
        var random = new Random(18);
        var clock = Stopwatch.StartNew();
        var (cases, refused) = (0, 0);
        while (clock.Elapsed < Budget)
        {
            var text = Mutate(source, random);
            var bytes = new List<byte>(Encoding.UTF8.GetBytes(text));
            if (random.Next(4) == 0 && bytes.Count > 0) bytes.Insert(random.Next(bytes.Count), (byte)(random.Next(2) == 0 ? 0xFF : 0xC3)); // invalid UTF-8
            var file = Path.Combine(_temp.Path, $"fuzz-{cases % 8}.json");
            File.WriteAllBytes(file, [.. bytes]);
            cases++;
            try
            {
                SettingsLoader.Load(file, [new("http:timeoutSeconds", "5"), new("provider.allowWrites", "false")], environmentPrefix: null);
            }
            catch (ConfigurationException e)
            {
                refused++;
                e.Message.ShouldContain(file);
            }
            catch (Exception e)
            {
                throw new ShouldAssertException($"case {cases} (seed 18): {e.GetType().Name}: {e.Message}\n{text[..Math.Min(400, text.Length)]}", e);
            }
        }
        output.WriteLine($"{cases} mangled config files, {refused} refused with a configuration error");
        cases.ShouldBeGreaterThan(20);
        refused.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void The_jwt_decoder_never_throws_on_mangled_tokens()
    {
        var settings = TestSettings.Default();
        var token = new JwtBuilder(settings.Consumer, TimeProvider.System).CreateDraft("https://p.example/A1/STU3/1/gpconnect", "patient/*.read").Encode();
        var random = new Random(19);
        var clock = Stopwatch.StartNew();
        var cases = 0;
        while (clock.Elapsed < Budget)
        {
            var mangled = Mutate(random.Next(3) == 0 ? "Bearer " + token : token, random);
            cases++;
            try
            {
                var decoded = JwtDecoder.Decode(mangled);
                _ = decoded.HeaderJson;
                _ = decoded.PayloadJson;
            }
            catch (Exception e)
            {
                throw new ShouldAssertException($"case {cases} (seed 19): {e.GetType().Name}: {e.Message}\n{mangled}", e);
            }
        }
        output.WriteLine($"{cases} mangled tokens decoded without an exception");
        cases.ShouldBeGreaterThan(100);
    }
}
