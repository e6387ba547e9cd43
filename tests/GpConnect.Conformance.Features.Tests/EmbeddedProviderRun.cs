using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Specs.Hosting;

[assembly: AssemblyFixture(typeof(GpConnect.Conformance.Features.Tests.ConformanceRunFixture))]

namespace GpConnect.Conformance.Features.Tests;

/// <summary>
/// One conformance session for the whole test assembly: by default the embedded reference provider from
/// config/default.json; set GPCC_CONFIG to a config file to run the same tests against another target.
/// </summary>
public sealed class ConformanceRunFixture : IAsyncLifetime
{
    private ConformanceSession? _session;

    public ConformanceSession Session => _session ?? throw new InvalidOperationException("The conformance session has not started.");

    public async ValueTask InitializeAsync()
    {
        var root = RepositoryLayout.RequireRoot();
        var configFile = Environment.GetEnvironmentVariable("GPCC_CONFIG") is { Length: > 0 } custom
            ? Path.GetFullPath(custom, root)
            : Path.Combine(root, "config", "default.json");
        _session = await ConformanceSession.StartAsync(SettingsLoader.Load(configFile));
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
    }
}
