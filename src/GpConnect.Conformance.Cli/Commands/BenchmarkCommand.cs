using System.Globalization;
using GpConnect.Conformance.Cli.Load;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Fhir.Commands;
using GpConnect.Conformance.Specs.Hosting;

namespace GpConnect.Conformance.Cli.Commands;

/// <summary>
/// <c>bench</c>: the FHIR toolkit's throughput (see <see cref="BenchCommand"/>), then the harness's own per-request
/// overhead over a raw HTTP call against the embedded reference provider (<see cref="RequestOverheadBench"/>).
/// Usage: <c>bench [--examples DIR] [--seconds S] [--requests N]</c>. Prints figures; exit code 0, or 2 for bad input.
/// </summary>
public static class BenchmarkCommand
{
    public const int DefaultRequests = 2000;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var fhirArgs = new List<string>();
        var requests = DefaultRequests;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--requests")
            {
                if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out requests) || requests < 20)
                {
                    stderr.WriteLine("bench: --requests takes a whole number of at least 20.");
                    return CommandDispatcher.BadInput;
                }
                i++;
            }
            else fhirArgs.Add(args[i]);
        }

        var exit = BenchCommand.Run([.. fhirArgs], stdout);
        if (exit != CommandDispatcher.Ok) return exit;

        stdout.WriteLine();
        stdout.WriteLine($"Harness overhead per request over a raw HTTP call (embedded reference provider, one thread; target ≤ {RequestOverheadBench.TargetPercent:0} %):");
        var settings = SettingsLoader.Load(SuiteLayout.Locate().DefaultConfig, null, environmentPrefix: null);
        await using var target = await Specs.Hosting.ProviderTarget.StartAsync(settings);
        using var client = new GpConnectClient(settings, target.ServiceRoot, TimeProvider.System, target.Tls);
        foreach (var name in new[] { "capability", "read-patient", "free-slots" })
        {
            var interaction = LoadInteractions.Find(name)!;
            var result = await RequestOverheadBench.MeasureAsync(client, interaction.Build(settings, TimeProvider.System), name, requests);
            stdout.WriteLine("  " + RequestOverheadBench.Describe(result));
        }
        return CommandDispatcher.Ok;
    }
}
