using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Reporting.Terminal;

/// <summary>
/// Shows progress while a run goes: scenarios done / total, the current feature and failures so far. On a terminal it is
/// one line rewritten in place; otherwise (CI logs, pipes) a line every tenth of the run and one per failure, never one
/// per scenario. Thread-safe.
/// </summary>
public sealed class ConsoleProgressReporter
{
    private readonly TextWriter _out;
    private readonly object _gate = new();
    private readonly bool _interactive;
    private readonly int _width;
    private int _total;
    private int _done;
    private int _failed;
    private int _warnings;
    private int _lastReportedBucket = -1;
    private string _feature = "";
    private bool _lineDirty;

    /// <summary>Creates a reporter writing to <paramref name="output"/>.</summary>
    /// <param name="output">Where to write (usually <see cref="Console.Out"/>).</param>
    /// <param name="interactive">True on a terminal (one updating line); false for logs (sparse lines).</param>
    /// <param name="totalScenarios">How many scenarios will run; 0 when unknown.</param>
    /// <param name="width">Terminal width for the updating line.</param>
    public ConsoleProgressReporter(TextWriter output, bool interactive, int totalScenarios, int width = 100)
    {
        _out = output;
        _interactive = interactive;
        _total = Math.Max(0, totalScenarios);
        _width = Math.Max(40, width);
    }

    /// <summary>A reporter on the process console: interactive unless output is redirected.</summary>
    public static ConsoleProgressReporter ForConsole(int totalScenarios)
    {
        bool interactive = !Console.IsOutputRedirected;
        int width = 100;
        if (interactive) { try { width = Console.WindowWidth; } catch (IOException) { } }
        return new ConsoleProgressReporter(Console.Out, interactive, totalScenarios, width);
    }

    /// <summary>Scenarios finished so far.</summary>
    public int Done => _done;

    /// <summary>Failed scenarios so far.</summary>
    public int Failed => _failed;

    /// <summary>Scenarios so far that passed with warnings.</summary>
    public int Warnings => _warnings;

    /// <summary>Updates the expected total (e.g. once features are loaded).</summary>
    public void SetTotal(int totalScenarios) => _total = Math.Max(0, totalScenarios);

    /// <summary>Call when a scenario starts: updates the current feature on a terminal.</summary>
    public void ScenarioStarted(ScenarioInfo scenario)
    {
        lock (_gate)
        {
            _feature = scenario.FeatureName;
            if (_interactive) DrawLine();
        }
    }

    /// <summary>Call when a scenario finishes.</summary>
    public void ScenarioFinished(ScenarioResult result)
    {
        lock (_gate) Finished(result);
    }

    private void Finished(ScenarioResult result)
    {
        _done++;
        _feature = result.Scenario.FeatureName;
        if (result.Status == ScenarioStatus.Failed)
        {
            _failed++;
            if (!_interactive) _out.WriteLine($"FAILED {result.Scenario.DisplayName} ({result.Scenario.Id})");
        }
        else if (result.Status == ScenarioStatus.Warning)
        {
            _warnings++;
        }
        if (_interactive) { DrawLine(); return; }

        int bucket = _total > 0 ? _done * 10 / _total : _done / 25;
        if (bucket != _lastReportedBucket)
        {
            _lastReportedBucket = bucket;
            _out.WriteLine(StatusLine());
        }
    }

    /// <summary>Ends the progress display (clears the updating line, or writes a last line in logs).</summary>
    public void Finish()
    {
        lock (_gate) Finished();
    }

    private void Finished()
    {
        if (_interactive)
        {
            if (_lineDirty) _out.Write("\r\u001b[2K");
            _lineDirty = false;
        }
        else if (_lastReportedBucket != (_total > 0 ? _done * 10 / _total : _done / 25) || _done == 0)
        {
            _out.WriteLine(StatusLine());
        }
        _out.Flush();
    }

    /// <summary>"[ 12/120] 2 failed · Feature name", with ", 1 warning" after the failures when a scenario passed with warnings.</summary>
    public string StatusLine()
    {
        var total = _total > 0 ? _total.ToString() : "?";
        var done = _done.ToString().PadLeft(total.Length);
        var failed = _failed == 0 ? "no failures" : _failed == 1 ? "1 failed" : $"{_failed} failed";
        var warnings = _warnings == 0 ? "" : _warnings == 1 ? ", 1 warning" : $", {_warnings} warnings";
        return $"[{done}/{total}] {failed}{warnings} · {_feature}";
    }

    private void DrawLine()
    {
        var line = StatusLine();
        if (line.Length > _width - 1) line = line[..(_width - 2)] + "…";
        _out.Write("\r\u001b[2K" + line);
        _out.Flush();
        _lineDirty = true;
    }
}
