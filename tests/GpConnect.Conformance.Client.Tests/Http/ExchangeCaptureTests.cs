using System.Text;
using GpConnect.Conformance.Client.Tests.Support;
using Shouldly;
using Catalogue = GpConnect.Conformance.Client.Interactions.Interactions;

namespace GpConnect.Conformance.Client.Tests.Http;

/// <summary>
/// The captured exchange is the evidence: however the body is buffered and decoded (pooled buffers, decoded in place),
/// every request and response header, the status, the body text, its wire length and the timings are kept exactly.
/// </summary>
public sealed class ExchangeCaptureTests
{
    // Multi-byte characters (2, 3 and 4 bytes in UTF-8) so that chunk and buffer edges fall inside characters.
    private static readonly string Text = string.Concat(Enumerable.Range(0, 4000).Select(i => $"{{\"n\":{i},\"s\":\"é€😀\"}},"));

    private static Task<HttpExchange> Send(GpConnectClient client, GpConnectRequest? request = null) =>
        client.SendAsync(request ?? new GpConnectRequest(Catalogue.GetCapabilityStatement), TestContext.Current.CancellationToken);

    [Fact(Timeout = 120_000)]
    public async Task A_chunked_body_larger_than_the_first_buffer_is_kept_whole_with_every_header_in_order()
    {
        var bytes = Encoding.UTF8.GetBytes(Text);
        bytes.Length.ShouldBeGreaterThan(4 * 16384, "the body must outgrow the first buffer several times");
        await using var provider = RawProvider.Start(async stream =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                "HTTP/1.1 200 OK\r\nDate: Sat, 14 Mar 2026 09:26:53 GMT\r\nETag: W/\"3\"\r\nX-Repeat: a\r\nX-Repeat: b\r\n" +
                "Content-Type: application/fhir+json;charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"));
            for (var at = 0; at < bytes.Length; at += 1237) // odd chunk sizes: edges inside multi-byte characters
            {
                var size = Math.Min(1237, bytes.Length - at);
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{size:x}\r\n"));
                await stream.WriteAsync(bytes.AsMemory(at, size));
                await stream.WriteAsync("\r\n"u8.ToArray());
            }
            await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        });
        using var client = new GpConnectClient(TestSettings.Default(), provider.ServiceRoot);

        var exchange = await Send(client);

        exchange.TransportError.ShouldBeNullWithMessage();
        exchange.StatusCode.ShouldBe(200);
        exchange.ReasonPhrase.ShouldBe("OK");
        exchange.ResponseBody.ShouldBe(Text);
        exchange.ResponseBodyWireLength.ShouldBe(bytes.Length);
        exchange.ResponseBodyProblem.ShouldBeNull();
        exchange.ResponseHeaders.Select(h => (h.Name, h.Value)).ShouldBe(
        [
            ("Date", "Sat, 14 Mar 2026 09:26:53 GMT"), ("ETag", "W/\"3\""), ("X-Repeat", "a"), ("X-Repeat", "b"),
            ("Transfer-Encoding", "chunked"), ("Content-Type", "application/fhir+json;charset=utf-8"),
        ]);
        exchange.ResponseHeaderValues("x-repeat").ShouldBe(["a", "b"]);
        exchange.ResponseHeader("X-Repeat").ShouldBe("a, b");
        exchange.RequestHeaders.Select(h => h.Name).ShouldBe(["Host", "Ssp-TraceID", "Ssp-From", "Ssp-To", "Ssp-InteractionID", "Authorization", "Accept"]);
        exchange.RequestHeader("Host").ShouldBe(provider.ServiceRoot.Authority);
        exchange.BearerToken.ShouldNotBeNullOrEmpty();
        exchange.Duration.ShouldBeGreaterThan(TimeSpan.Zero);
        exchange.StartedAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Theory(Timeout = 120_000)]
    [InlineData(1, true)]
    [InlineData(16383, true)]
    [InlineData(16384, true)]
    [InlineData(16385, true)]
    [InlineData(70000, true)]
    [InlineData(16384, false)]
    [InlineData(32769, false)]
    public async Task A_body_is_read_whole_at_every_buffer_edge(int length, bool announced)
    {
        var text = new string('x', length);
        await using var provider = RawProvider.Start(async stream =>
        {
            var framing = announced ? $"Content-Length: {length}" : "Connection: close";
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\n{framing}\r\n\r\n"));
            await stream.WriteAsync(Encoding.ASCII.GetBytes(text));
        });
        using var client = new GpConnectClient(TestSettings.Default(), provider.ServiceRoot);

        var exchange = await Send(client);

        exchange.TransportError.ShouldBeNullWithMessage();
        exchange.ResponseBody.ShouldBe(text);
        exchange.ResponseBodyWireLength.ShouldBe(length);
        exchange.ResponseHeader("Content-Type").ShouldBe("application/fhir+json");
        exchange.ResponseHeader("Content-Length").ShouldBe(announced ? length.ToString() : null);
    }

    [Fact(Timeout = 120_000)]
    public async Task Earlier_exchanges_keep_their_bodies_when_later_ones_reuse_the_buffers()
    {
        var answered = 0;
        await using var provider = RawProvider.Start(async stream =>
        {
            var fill = Interlocked.Increment(ref answered) == 1 ? 'a' : 'b';
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n{new string(fill, 40000)}"));
        });
        using var client = new GpConnectClient(TestSettings.Default(), provider.ServiceRoot);

        var first = await Send(client);
        var second = await Send(client);

        first.ResponseBody.ShouldBe(new string('a', 40000));
        second.ResponseBody.ShouldBe(new string('b', 40000));
    }

    [Fact(Timeout = 120_000)]
    public async Task Each_body_is_decoded_in_its_own_declared_charset()
    {
        var answers = new Queue<(string ContentType, byte[] Body)>(
        [
            ("text/plain;charset=iso-8859-1", [0x63, 0x61, 0x66, 0xE9]),
            ("application/fhir+json;charset=utf-8", Encoding.UTF8.GetBytes("café")),
            ("text/plain;charset=iso-8859-1", [0x6E, 0xE9]),
            ("text/plain;charset=x-no-such-charset", Encoding.UTF8.GetBytes("naïve")),
            ("text/plain;charset=x-no-such-charset", Encoding.UTF8.GetBytes("naïve")),
        ]);
        await using var provider = RawProvider.Start(async stream =>
        {
            (string ContentType, byte[] Body) answer;
            lock (answers) answer = answers.Dequeue();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {answer.ContentType}\r\nContent-Length: {answer.Body.Length}\r\n\r\n"));
            await stream.WriteAsync(answer.Body);
        });
        using var client = new GpConnectClient(TestSettings.Default(), provider.ServiceRoot);

        (await Send(client)).ResponseBody.ShouldBe("café");
        (await Send(client)).ResponseBody.ShouldBe("café");
        (await Send(client)).ResponseBody.ShouldBe("né");
        foreach (var _ in new[] { 1, 2 }) // the same unknown charset twice: the note stays on every body
        {
            var unknown = await Send(client);
            unknown.ResponseBody.ShouldBe("naïve");
            unknown.ResponseBodyProblem.ShouldBe("unknown charset \"x-no-such-charset\"; decoded as UTF-8");
        }
    }

    [Fact]
    public async Task The_shared_and_the_other_methods_are_sent_and_recorded()
    {
        await using var server = await EchoServer.StartAsync();
        using var client = new GpConnectClient(TestSettings.Default(), server.ServiceRoot);

        foreach (var method in new[] { "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS" })
        {
            var exchange = await Send(client, new GpConnectRequest(Catalogue.GetCapabilityStatement) { Method = method });
            Echo.From(exchange).Method.ShouldBe(method);
            exchange.Method.ShouldBe(method);
        }
    }

    [Fact]
    public void Every_trace_id_is_a_new_version_4_guid()
    {
        using var client = new GpConnectClient(TestSettings.Default(), new Uri("http://127.0.0.1:9/A20047/STU3/1/gpconnect"));
        var request = new GpConnectRequest(Catalogue.GetCapabilityStatement);

        var ids = Enumerable.Range(0, 2000).Select(_ => client.BuildHeaders(request).Single(h => h.Name == SspHeaders.TraceId).Value).ToList();

        ids.Distinct().Count().ShouldBe(ids.Count);
        foreach (var id in ids)
        {
            Guid.TryParseExact(id, "D", out var guid).ShouldBeTrue(id);
            guid.Version.ShouldBe(4, id);
            "89ab".ShouldContain(id[19], customMessage: id); // the RFC 9562 variant
            id.ShouldBe(id.ToLowerInvariant());
        }
    }

    [Fact]
    public void The_path_and_query_follow_every_change_after_being_read()
    {
        var request = GpConnectRequest.For(Catalogue.ReadPatient, "1");
        request.PathAndQuery.ShouldBe("/Patient/1");

        request.AddQuery("a", "x|y");
        request.PathAndQuery.ShouldBe("/Patient/1?a=x%7Cy");
        request.AddRawQuery("b", "x|y");
        request.PathAndQuery.ShouldBe("/Patient/1?a=x%7Cy&b=x|y");
        request.RemoveQuery("a");
        request.PathAndQuery.ShouldBe("/Patient/1?b=x|y");
        request.RelativePath = "/Patient/2";
        request.PathAndQuery.ShouldBe("/Patient/2?b=x|y");
    }

    [Fact]
    public async Task The_same_request_sent_again_goes_to_a_changed_url()
    {
        await using var server = await EchoServer.StartAsync();
        using var client = new GpConnectClient(TestSettings.Default(), server.ServiceRoot);
        var request = GpConnectRequest.For(Catalogue.ReadPatient, "1");

        Echo.From(await Send(client, request)).Path.ShouldEndWith("/Patient/1");
        Echo.From(await Send(client, request)).Path.ShouldEndWith("/Patient/1");
        request.RelativePath = "/Patient/2";
        var moved = await Send(client, request);
        Echo.From(moved).Path.ShouldEndWith("/Patient/2");
        moved.Url.ShouldEndWith("/Patient/2");
    }
}
