using GpConnect.Conformance.Runner.Results;

namespace GpConnect.Conformance.Runner.Scheduling;

/// <summary>
/// Runs a catalogue's scenarios with up to N at once while keeping what a sequential run would see and report:
/// <list type="bullet">
/// <item>consecutive scenarios of one feature that only read run together (a batch);</item>
/// <item>a scenario tagged <c>@writes</c> runs alone, after everything before it in catalogue order has finished and before
/// anything after it starts, so every scenario sees the provider in the state the scenarios before it left;</item>
/// <item>a feature never overlaps the next one (its [AfterFeature] hooks run in between);</item>
/// <item>the observer callbacks (<c>starting</c>, <c>finished</c>) are made in catalogue order, one at a time, as the
/// earliest unfinished scenario completes.</item>
/// </list>
/// With N = 1 this is the plain sequential loop.
/// </summary>
public static class ScenarioSchedule
{
    /// <summary>The tag of scenarios that write to the provider: they run alone.</summary>
    public const string WritesTag = "@writes";

    /// <summary>Whether the scenario must run alone (it writes to the provider).</summary>
    public static bool RunsAlone(ScenarioInfo scenario) =>
        scenario.Tags.Any(t => t.Equals(WritesTag, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The catalogue cut into batches, in order: a batch is either one scenario that runs alone or consecutive read-only
    /// scenarios of one feature file.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<T>> Batches<T>(IReadOnlyList<T> scenarios, Func<T, ScenarioInfo> info)
    {
        var batches = new List<IReadOnlyList<T>>();
        List<T>? current = null;
        string? feature = null;
        foreach (var scenario in scenarios)
        {
            var i = info(scenario);
            if (RunsAlone(i))
            {
                current = null;
                batches.Add([scenario]);
                continue;
            }
            if (current is null || feature != i.FeatureFile)
            {
                current = [];
                batches.Add(current);
                feature = i.FeatureFile;
            }
            current.Add(scenario);
        }
        return batches;
    }

    /// <summary>
    /// Runs <paramref name="scenarios"/> with at most <paramref name="degree"/> at once (see the class summary) and returns
    /// the results in catalogue order. Once <paramref name="cancellationToken"/> is cancelled no further scenario starts;
    /// the ones running finish (they get the token) and the results returned are the leading ones that finished.
    /// </summary>
    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync<T>(IReadOnlyList<T> scenarios, int degree, Func<T, ScenarioInfo> info,
        Func<T, CancellationToken, Task<ScenarioResult>> run, Action<ScenarioInfo>? starting = null, Action<ScenarioResult>? finished = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1);
        var results = new List<ScenarioResult>(scenarios.Count);
        if (degree == 1)
        {
            foreach (var scenario in scenarios)
            {
                if (cancellationToken.IsCancellationRequested) break;
                starting?.Invoke(info(scenario));
                var result = await run(scenario, cancellationToken).ConfigureAwait(false);
                results.Add(result);
                finished?.Invoke(result);
            }
            return results;
        }

        foreach (var batch in Batches(scenarios, info))
        {
            if (cancellationToken.IsCancellationRequested) break;
            var done = await RunBatchAsync(batch, degree, info, run, starting, finished, cancellationToken).ConfigureAwait(false);
            results.AddRange(done);
            if (done.Count < batch.Count) break;
        }
        return results;
    }

    private static async Task<IReadOnlyList<ScenarioResult>> RunBatchAsync<T>(IReadOnlyList<T> batch, int degree, Func<T, ScenarioInfo> info,
        Func<T, CancellationToken, Task<ScenarioResult>> run, Action<ScenarioInfo>? starting, Action<ScenarioResult>? finished,
        CancellationToken cancellationToken)
    {
        var slots = new ScenarioResult?[batch.Count];
        var reported = 0;
        var gate = new Lock();
        var next = -1;

        // Reports, in order, every result from the earliest not yet reported up to the first still running.
        void Report()
        {
            lock (gate)
            {
                while (reported < slots.Length && slots[reported] is { } result)
                {
                    starting?.Invoke(result.Scenario);
                    finished?.Invoke(result);
                    reported++;
                }
            }
        }

        async Task Worker()
        {
            while (true)
            {
                if (cancellationToken.IsCancellationRequested) return;
                var index = Interlocked.Increment(ref next);
                if (index >= batch.Count) return;
                slots[index] = await run(batch[index], cancellationToken).ConfigureAwait(false);
                Report();
            }
        }

        var workers = Enumerable.Range(0, Math.Min(degree, batch.Count)).Select(_ => Task.Run(Worker, CancellationToken.None)).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        Report();
        var leading = new List<ScenarioResult>(batch.Count);
        foreach (var result in slots)
        {
            if (result is null) break;
            leading.Add(result);
        }
        return leading;
    }
}
