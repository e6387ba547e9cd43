using GpConnect.ReferenceProvider;

namespace GpConnect.Conformance.Cli.Commands;

/// <summary>Lists the embedded reference provider's named faults (use with --fault NAME).</summary>
public static class FaultsCommand
{
    public static int Run(TextWriter stdout)
    {
        var width = ProviderFaults.All.Max(f => f.Name.Length);
        foreach (var fault in ProviderFaults.All) stdout.WriteLine($"{fault.Name.PadRight(width)}  {fault.Description}");
        return CommandDispatcher.Ok;
    }
}
