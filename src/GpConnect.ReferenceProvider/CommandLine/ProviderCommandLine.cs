using System.Globalization;
using System.Runtime.InteropServices;

namespace GpConnect.ReferenceProvider.CommandLine;

/// <summary>
/// Standalone entry point:
/// <c>dotnet run --project src/GpConnect.ReferenceProvider -- [--port N] [--ods-code X] [--asid N] [--spec-version 1.2.7] [--as-of YYYY-MM-DD] [--listen 127.0.0.1] [--fault NAME]... [--cancelled-slots-stay-busy] [--stall-every N | --stall-after N] [--stall-seconds S] [--list-faults]</c>.
/// Prints the service root and serves until Ctrl+C (SIGINT) or SIGTERM, then stops within a few seconds. Bad arguments,
/// and a port already in use, exit with code 2 and one line.
/// </summary>
internal static class ProviderCommandLine
{
    public static async Task<int> Main(string[] args)
    {
        ReferenceProviderOptions options;
        try
        {
            var parsed = Parse(args);
            if (parsed is null)
            {
                foreach (var fault in ProviderFaults.All) Console.WriteLine($"{fault.Name,-36} {fault.Description}");
                return 0;
            }
            options = parsed;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("Usage: [--port N] [--ods-code X] [--asid N] [--spec-version 1.2.3|1.2.4|1.2.7] [--as-of YYYY-MM-DD] [--listen ADDRESS] [--fault NAME]... [--cancelled-slots-stay-busy] [--stall-every N | --stall-after N] [--stall-seconds S] [--list-faults]");
            return 2;
        }

        RunningReferenceProvider provider;
        try
        {
            provider = await ReferenceProviderHost.StartAsync(options);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        catch (IOException e)
        {
            // Kestrel reports a port in use (or an address it cannot bind) as an IOException.
            Console.Error.WriteLine($"Cannot listen on {options.ListenAddress}:{options.Port}: {e.InnerException?.Message ?? e.Message}. Choose another --port.");
            return 2;
        }
        await using (provider)
        {
            Console.WriteLine($"GP Connect reference provider {options.SpecVersion} serving {provider.ServiceRoot}");
            Console.WriteLine($"ASID {options.Asid}; faults: {(provider.ActiveFaults.Count == 0 ? "none" : string.Join(", ", provider.ActiveFaults))}; " +
                $"cancelled slots {(options.CancelledSlotsStayBusy ? "stay busy" : "become free again")}" +
                (options.Stall is { } stall ? $"; stalling: {stall.Describe()}" : "") + ". Ctrl+C or SIGTERM to stop.");
            var stopped = new TaskCompletionSource();
            void Stop(PosixSignalContext context) { context.Cancel = true; stopped.TrySetResult(); }
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            await stopped.Task;
            Console.WriteLine("Stopping.");
        }
        return 0;
    }

    /// <summary>Parses arguments into options; returns null for <c>--list-faults</c>.</summary>
    internal static ReferenceProviderOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new ReferenceProviderOptions();
        var faults = new List<string>();
        int? stallEvery = null, stallAfter = null;
        double? stallSeconds = null;
        int Count(string name, string text) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} '{text}' is not a positive whole number.");
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--port":
                    var text = Value();
                    options.Port = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
                        ? port : throw new ArgumentException($"--port '{text}' is not a port number (0-65535).");
                    break;
                case "--ods-code": options.OdsCode = Value(); break;
                case "--asid": options.Asid = Value(); break;
                case "--spec-version": options.SpecVersion = Value(); break;
                case "--as-of":
                    var day = Value();
                    options.AsOf = DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf)
                        ? asOf : throw new ArgumentException($"--as-of '{day}' is not a date written YYYY-MM-DD.");
                    break;
                case "--listen": options.ListenAddress = Value(); break;
                case "--fault": faults.Add(Value()); break;
                case "--cancelled-slots-stay-busy": options.CancelledSlotsStayBusy = true; break;
                case "--stall-every": stallEvery = Count("--stall-every", Value()); break;
                case "--stall-after": stallAfter = Count("--stall-after", Value()); break;
                case "--stall-seconds":
                    var seconds = Value();
                    stallSeconds = double.TryParse(seconds, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s) && s > 0
                        ? s : throw new ArgumentException($"--stall-seconds '{seconds}' is not a positive number of seconds.");
                    break;
                case "--list-faults": return null;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }
        options.Faults = faults;
        if (stallSeconds is not null && stallEvery is null && stallAfter is null)
            throw new ArgumentException("--stall-seconds needs --stall-every N or --stall-after N.");
        if (stallEvery is not null || stallAfter is not null)
            options.Stall = new Pipeline.ResponseStall(stallEvery, stallAfter, TimeSpan.FromSeconds(stallSeconds ?? 40));
        return options;
    }
}
