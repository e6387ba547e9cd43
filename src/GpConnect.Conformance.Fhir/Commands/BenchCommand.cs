using System.Diagnostics;
using System.Globalization;
using GpConnect.Conformance.Fhir.Validation;
using GpConnect.Conformance.Fhir.Writing;

namespace GpConnect.Conformance.Fhir.Commands;

/// <summary>
/// The <c>bench</c> command: parse and validate throughput (resources per second, one thread) for JSON and XML over the
/// JSON payloads of a folder given with <c>--examples</c> (e.g. the GP Connect specification's published examples), else
/// synthesised Slot-sized resources, a Slot-only run against the 20,000 Slots/second target (invariants on; the same run
/// without them for comparison), and peak memory.
/// Usage: <c>bench [--examples DIR] [--seconds S]</c>.
/// </summary>
public static class BenchCommand
{
    /// <summary>Usage text.</summary>
    public const string Usage = "usage: bench [--examples DIR] [--seconds S]";

    /// <summary>The throughput target for Slot-sized resources validated per second on one core.</summary>
    public const double SlotTargetPerSecond = 20000;

    private const string SyntheticSlot = """
    {"resourceType":"Slot","id":"ID","meta":{"versionId":"1471219260000","profile":["https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Slot-1"]},
     "extension":[{"url":"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-DeliveryChannel-2","valueCode":"In-person"}],
     "serviceType":[{"text":"General GP Appointment"}],"schedule":{"reference":"Schedule/14"},"status":"free",
     "start":"2016-08-15T11:30:00+01:00","end":"2016-08-15T11:40:00+01:00"}
    """;

    /// <summary>Runs the benchmark and prints the figures. Returns 0, or 2 for usage errors.</summary>
    public static int Run(string[] args, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? examples = null;
        var seconds = 1.0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--examples" when i + 1 < args.Length: examples = args[++i]; break;
                case "--seconds" when i + 1 < args.Length && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0:
                    seconds = s; i++; break;
                default:
                    stdout.WriteLine($"bench: unexpected argument '{args[i]}'");
                    stdout.WriteLine(Usage);
                    return 2;
            }
        }
        if (examples is not null && !Directory.Exists(examples))
        {
            stdout.WriteLine($"bench: examples directory not found: {examples}");
            return 2;
        }

        var validator = ProfileValidator.CreateDefault();
        var jsonCorpus = LoadCorpus(examples, out var source);
        var xmlCorpus = jsonCorpus.Select(t => FhirXmlWriter.Write(FhirParser.Parse(t, FhirFormat.Json).Root!, indent: false)).ToList();
        var resourcesPerPass = jsonCorpus.Sum(t => CountResources(FhirParser.Parse(t, FhirFormat.Json).Root!));
        stdout.WriteLine($"corpus: {source} ({jsonCorpus.Count} bodies, {resourcesPerPass} resources per pass)");
        stdout.WriteLine($"time per measurement: {seconds.ToString("0.###", CultureInfo.InvariantCulture)} s, one thread; invariants (FHIRPath constraints) evaluated: yes");

        foreach (var (label, corpus, format) in new[] { ("JSON", jsonCorpus, FhirFormat.Json), ("XML", xmlCorpus, FhirFormat.Xml) })
        {
            var parse = Measure(seconds, () => { foreach (var t in corpus) FhirParser.Parse(t, format); return resourcesPerPass; });
            var trees = corpus.Select(t => FhirParser.Parse(t, format).Root!).ToList();
            var validate = Measure(seconds, () => { foreach (var r in trees) Validate(validator, r); return resourcesPerPass; });
            var both = Measure(seconds, () => { foreach (var t in corpus) Validate(validator, FhirParser.Parse(t, format).Root!); return resourcesPerPass; });
            stdout.WriteLine($"{label,-4} parse: {Rate(parse)} resources/s; validate: {Rate(validate)} resources/s; parse+validate: {Rate(both)} resources/s");
        }

        var slot = FhirParser.Parse(SyntheticSlot, FhirFormat.Json).Root!;
        var slotXml = FhirXmlWriter.Write(slot, indent: false);
        var slotValidate = Measure(seconds, () => { for (var i = 0; i < 100; i++) validator.Validate(slot, "GPConnect-Slot-1"); return 100; });
        var slotJsonBoth = Measure(seconds, () => { for (var i = 0; i < 100; i++) validator.Validate(FhirParser.Parse(SyntheticSlot, FhirFormat.Json).Root!, "GPConnect-Slot-1"); return 100; });
        var slotXmlBoth = Measure(seconds, () => { for (var i = 0; i < 100; i++) validator.Validate(FhirParser.Parse(slotXml, FhirFormat.Xml).Root!, "GPConnect-Slot-1"); return 100; });
        stdout.WriteLine($"Slot validate: {Rate(slotValidate)} /s; JSON parse+validate: {Rate(slotJsonBoth)} /s; XML parse+validate: {Rate(slotXmlBoth)} /s " +
                         $"(invariants on; target {SlotTargetPerSecond.ToString("N0", CultureInfo.InvariantCulture)} /s from JSON: {(slotJsonBoth >= SlotTargetPerSecond ? "met" : "NOT met")})");
        var noInvariants = ProfileValidator.CreateDefault(new ValidatorOptions { EvaluateInvariants = false });
        var slotJsonBare = Measure(seconds, () => { for (var i = 0; i < 100; i++) noInvariants.Validate(FhirParser.Parse(SyntheticSlot, FhirFormat.Json).Root!, "GPConnect-Slot-1"); return 100; });
        stdout.WriteLine($"Slot JSON parse+validate without invariants: {Rate(slotJsonBare)} /s (for comparison)");

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var gc = GC.GetGCMemoryInfo();
        stdout.WriteLine($"memory: peak working set {Mb(process.PeakWorkingSet64)} MB; GC heap {Mb(GC.GetTotalMemory(false))} MB; " +
                         $"peak committed {Mb(gc.TotalCommittedBytes)} MB; allocated in total {Mb(GC.GetTotalAllocatedBytes())} MB; " +
                         $"gen0/1/2 collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        return 0;
    }

    private static void Validate(ProfileValidator validator, ElementNode root)
    {
        if (root.ResourceType == "Bundle") validator.ValidateBundleEntries(root);
        else validator.ValidateDeclared(root);
    }

    private static int CountResources(ElementNode root) =>
        root.ResourceType == "Bundle" ? Math.Max(1, root.Select("entry.resource").Count()) : 1;

    private static List<string> LoadCorpus(string? examples, out string source)
    {
        if (examples is not null)
        {
            var files = Directory.EnumerateFiles(examples, "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
            var texts = files.Select(File.ReadAllText).Where(t => FhirParser.Parse(t, FhirFormat.Json).Root is not null).ToList();
            if (texts.Count > 0)
            {
                source = $"examples in {examples}";
                return texts;
            }
        }
        source = "synthesised Slot-sized resources (no --examples folder given)";
        return Enumerable.Range(1, 50).Select(i => SyntheticSlot.Replace("\"ID\"", $"\"{i}\"")).ToList();
    }

    /// <summary>Runs <paramref name="pass"/> (which returns the resources it handled) repeatedly for about <paramref name="seconds"/>; returns resources per second.</summary>
    private static double Measure(double seconds, Func<int> pass)
    {
        // Warm-up long enough for tiered JIT to promote the hot paths, so the figures are steady-state.
        var warm = Stopwatch.StartNew();
        do pass(); while (warm.Elapsed.TotalSeconds < Math.Min(0.5, seconds));
        var sw = Stopwatch.StartNew();
        long count = 0;
        while (sw.Elapsed.TotalSeconds < seconds) count += pass();
        return count / sw.Elapsed.TotalSeconds;
    }

    private static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
}
