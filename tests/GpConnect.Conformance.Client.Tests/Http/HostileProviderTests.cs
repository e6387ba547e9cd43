using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GpConnect.Conformance.Client.Tests.Support;
using Shouldly;
using Catalogue = GpConnect.Conformance.Client.Interactions.Interactions;

namespace GpConnect.Conformance.Client.Tests.Http;

/// <summary>
/// Audit findings 3, 4 and 11: a provider that sends a huge body, a gzip bomb or invalid UTF-8 gets a refused exchange
/// (no status, so no check can pass on it) naming the limit or the problem, and the harness's memory stays bounded.
/// </summary>
public sealed class HostileProviderTests
{
    private const int OneMiB = 1024 * 1024;

    [Fact(Timeout = 120_000)]
    public async Task A_50_MB_body_is_refused_at_the_size_limit_without_being_held_in_memory()
    {
        await using var provider = RawProvider.Start(async stream =>
        {
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\nConnection: close\r\n\r\n"u8.ToArray());
            var block = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            for (var sent = 0; sent < 50 * OneMiB; sent += block.Length) await stream.WriteAsync(block);
        });
        using var client = new GpConnectClient(TestSettings.Default(("limits:maxResponseBytes", OneMiB.ToString())), provider.ServiceRoot);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var exchange = await client.SendAsync(new GpConnectRequest(Catalogue.GetCapabilityStatement), TestContext.Current.CancellationToken);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        exchange.HasResponse.ShouldBeFalse();
        exchange.TransportErrorKind.ShouldBe(TransportErrorKind.BodyRefused);
        exchange.TransportError.ShouldNotBeNull().ShouldContain("limits:maxResponseBytes (1048576 bytes)");
        exchange.TransportError.ShouldContain("HTTP 200");
        exchange.ResponseHeader("Content-Type").ShouldBe("application/fhir+json");
        exchange.ResponseBody.ShouldBe(new string(' ', 4096), "the first 4096 bytes stay as evidence");
        allocated.ShouldBeLessThan(32L * OneMiB, "reading must stop at the limit, not buffer the 50 MB");
    }

    [Fact(Timeout = 120_000)]
    public async Task An_announced_length_over_the_limit_is_refused_unread()
    {
        await using var provider = RawProvider.Start(async stream =>
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\nContent-Length: 5000000000\r\n\r\n{"u8.ToArray()));
        using var client = new GpConnectClient(TestSettings.Default(("limits:maxResponseBytes", OneMiB.ToString())), provider.ServiceRoot);

        var exchange = await client.SendAsync(new GpConnectRequest(Catalogue.GetCapabilityStatement), TestContext.Current.CancellationToken);

        exchange.TransportErrorKind.ShouldBe(TransportErrorKind.BodyRefused);
        exchange.TransportError.ShouldNotBeNull().ShouldContain("announces a body of 5000000000 bytes");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_gzip_bomb_is_refused_at_the_expansion_limit()
    {
        var bomb = Gzip(64 * OneMiB); // 64 MiB of zeros in about 64 KB
        bomb.Length.ShouldBeLessThan(OneMiB);
        await using var provider = RawProvider.Start(async stream =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\nContent-Encoding: gzip\r\nContent-Length: {bomb.Length}\r\n\r\n"));
            await stream.WriteAsync(bomb);
        });
        using var client = new GpConnectClient(TestSettings.Default(("limits:maxDecodedResponseBytes", (4 * OneMiB).ToString())), provider.ServiceRoot);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var exchange = await client.SendAsync(new GpConnectRequest(Catalogue.GetCapabilityStatement), TestContext.Current.CancellationToken);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        exchange.TransportErrorKind.ShouldBe(TransportErrorKind.BodyRefused);
        exchange.TransportError.ShouldNotBeNull().ShouldContain("limits:maxDecodedResponseBytes (4194304 bytes)");
        allocated.ShouldBeLessThan(48L * OneMiB, "decompression must stop at the limit");
    }

    [Fact(Timeout = 120_000)]
    public async Task Invalid_utf8_in_a_body_is_refused_not_silently_replaced()
    {
        byte[] body = [.. """{"resourceType":"CapabilityStatement","name":"""u8, 0x22, 0xC3, 0x28, 0xFF, 0x22, (byte)'}'];
        await using var provider = RawProvider.Start(async stream =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json;charset=utf-8\r\nContent-Length: {body.Length}\r\n\r\n"));
            await stream.WriteAsync(body);
        });
        using var client = new GpConnectClient(TestSettings.Default(), provider.ServiceRoot);

        var exchange = await client.SendAsync(new GpConnectRequest(Catalogue.GetCapabilityStatement), TestContext.Current.CancellationToken);

        exchange.HasResponse.ShouldBeFalse();
        exchange.TransportErrorKind.ShouldBe(TransportErrorKind.BodyRefused);
        exchange.TransportError.ShouldNotBeNull().ShouldContain("not valid UTF-8");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_body_within_the_limits_is_read_whole_and_the_evidence_copy_is_capped()
    {
        var text = """{"resourceType":"CapabilityStatement","name":""" + "\"" + new string('x', 5000) + "\"}";
        await using var provider = RawProvider.Start(async stream =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\nContent-Length: {bytes.Length}\r\n\r\n"));
            await stream.WriteAsync(bytes);
        });
        using var client = new GpConnectClient(TestSettings.Default(("limits:maxEvidenceBodyChars", "1024")), provider.ServiceRoot);

        var exchange = await client.SendAsync(new GpConnectRequest(Catalogue.GetCapabilityStatement), TestContext.Current.CancellationToken);

        exchange.StatusCode.ShouldBe(200);
        exchange.ResponseBody.ShouldBe(text);
        exchange.EvidenceResponseBody.Length.ShouldBeLessThan(1200);
        exchange.EvidenceResponseBody.ShouldContain("limits:maxEvidenceBodyChars");
    }

    [Theory]
    [InlineData("limits:maxResponseBytes", "12", "must be 1024 or more")]
    [InlineData("limits:maxNestingDepth", "5000", "must be 1000 or less")]
    [InlineData("limits:maxDecodedResponseBytes", "lots", "must be a whole number")]
    public void Limits_out_of_range_are_configuration_errors_naming_the_key(string key, string value, string message)
    {
        var e = Should.Throw<GpConnect.Conformance.Client.Configuration.ConfigurationException>(() => TestSettings.Default((key, value)));
        e.Message.ShouldContain(key);
        e.Message.ShouldContain(message);
    }

    private static byte[] Gzip(int zeros)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var block = new byte[OneMiB];
            for (var i = 0; i < zeros / OneMiB; i++) gzip.Write(block);
        }
        return output.ToArray();
    }
}
