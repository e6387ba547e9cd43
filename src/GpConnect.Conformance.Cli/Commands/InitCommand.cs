using GpConnect.Conformance.Specs.Hosting;

namespace GpConnect.Conformance.Cli.Commands;

/// <summary>
/// <c>init [FILE] [--force]</c>: writes the documented example provider configuration (every key explained in its
/// "//" comment keys) to FILE, by default <c>gpconnect-provider.json</c> in the current directory, to edit and pass with
/// <c>--config</c>. An existing file is kept unless <c>--force</c> is given.
/// </summary>
public static class InitCommand
{
    public const string DefaultFileName = "gpconnect-provider.json";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, SuiteLayout? layout = null)
    {
        layout ??= SuiteLayout.Locate();
        string? target = null;
        var force = false;
        foreach (var arg in args)
        {
            if (arg == "--force") force = true;
            else if (arg.StartsWith('-') || target is not null)
            {
                stderr.WriteLine($"init: unexpected argument \"{arg}\". Usage: init [FILE] [--force]");
                return CommandDispatcher.BadInput;
            }
            else target = arg;
        }

        var path = Path.GetFullPath(target ?? DefaultFileName, layout.WorkingRoot);
        if (!File.Exists(layout.ExampleConfig))
        {
            stderr.WriteLine($"init: the example configuration {layout.ExampleConfig} is missing from this installation.");
            return CommandDispatcher.BadInput;
        }
        if (File.Exists(path) && !force)
        {
            stderr.WriteLine($"init: {path} already exists; pass --force to overwrite it.");
            return CommandDispatcher.BadInput;
        }
        try
        {
            var folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            File.Copy(layout.ExampleConfig, path, overwrite: force);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"init: cannot write {path}: {e.Message}");
            return CommandDispatcher.BadInput;
        }
        stdout.WriteLine($"Wrote {path}: a provider configuration with every key explained in its \"//\" entries.");
        stdout.WriteLine("Fill in your provider's service root, ASIDs, ODS codes, TLS certificate and test-data records, then:");
        stdout.WriteLine($"  gpconnect-conformance --config {target ?? DefaultFileName} --check-data");
        stdout.WriteLine($"  gpconnect-conformance --config {target ?? DefaultFileName}");
        return CommandDispatcher.Ok;
    }
}
