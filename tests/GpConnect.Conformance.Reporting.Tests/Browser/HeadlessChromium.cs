using System.Diagnostics;

namespace GpConnect.Conformance.Reporting.Tests.Browser;

/// <summary>
/// Runs Debian's chromium headless against a file on disk. Install it with <c>apt-get install -y chromium</c>; tests
/// skip with that hint when <c>/usr/bin/chromium</c> is missing. CHROMIUM_PATH overrides the location.
/// </summary>
internal sealed class HeadlessChromium
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    private HeadlessChromium(string path) => Path = path;

    public string Path { get; }

    public static HeadlessChromium? Find()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" };
        var found = candidates.FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
        return found is null ? null : new HeadlessChromium(found);
    }

    /// <summary>The DOM after the page's scripts ran.</summary>
    public string DumpDom(string url) => Run(["--dump-dom", url]).Output;

    /// <summary>
    /// The DOM after the page's scripts ran in a window of the given size, letting the page's timers and messages run for
    /// up to <paramref name="virtualTimeMs"/> of virtual time (for pages that wait on a frame's message).
    /// </summary>
    public string DumpDom(string url, int width, int height, int virtualTimeMs = 5000) =>
        Run([$"--window-size={width},{height}", $"--virtual-time-budget={virtualTimeMs}", "--dump-dom", url]).Output;

    /// <summary>Saves a PNG screenshot of the page.</summary>
    public void Screenshot(string url, string pngPath, int width = 1280, int height = 2000)
    {
        var (output, exit) = Run([$"--screenshot={pngPath}", $"--window-size={width},{height}", "--hide-scrollbars", "--virtual-time-budget=3000", url]);
        if (!File.Exists(pngPath)) throw new InvalidOperationException($"chromium wrote no screenshot (exit {exit}): {output}");
    }

    private (string Output, int Exit) Run(IEnumerable<string> args)
    {
        var profile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gpc-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        try
        {
            var psi = new ProcessStartInfo(Path)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--no-first-run", $"--user-data-dir={profile}" }.Concat(args))
                psi.ArgumentList.Add(a);
            using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {Path}");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(HangGuard))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"chromium did not finish within {HangGuard.TotalSeconds} s (hang guard, not a speed check).");
            }
            process.WaitForExit();
            return (stdout.Result.Length > 0 ? stdout.Result : stderr.Result, process.ExitCode);
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
