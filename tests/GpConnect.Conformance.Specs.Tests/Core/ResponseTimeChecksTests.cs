using GpConnect.Conformance.Specs.Checks.Core;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Interactions;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Core;

public sealed class ResponseTimeChecksTests
{
    private static ProviderResponse Answer(int ms, bool answered = true) => new(new HttpExchange
    {
        Interaction = Interactions.GetCapabilityStatement,
        Method = "GET",
        Url = "http://127.0.0.1/A20047/STU3/1/gpconnect/metadata",
        RequestHeaders = [],
        StartedAt = DateTimeOffset.UnixEpoch,
        Duration = TimeSpan.FromMilliseconds(ms),
        StatusCode = answered ? 200 : null,
        TransportError = answered ? null : "Connection refused",
    });

    private static readonly TimeSpan Limit = TimeSpan.FromMilliseconds(250);

    [Fact]
    public void One_slow_answer_among_fast_ones_passes() =>
        ResponseTimeChecks.Fastest([Answer(900), Answer(40), Answer(60)], Limit, "command", "key").Passed.ShouldBeTrue();

    [Fact]
    public void Every_answer_over_the_limit_fails_naming_the_fastest_and_the_setting()
    {
        var failure = ResponseTimeChecks.Fastest([Answer(400), Answer(300)], Limit, "command", "expectations:commandResponseLimitMs")
            .Failures.ShouldHaveSingleItem();

        failure.Actual.ShouldBe("300 ms");
        failure.Message.ShouldContain("expectations:commandResponseLimitMs");
    }

    [Fact]
    public void A_request_without_an_answer_fails() =>
        ResponseTimeChecks.Fastest([Answer(10), Answer(10, answered: false)], Limit, "query", "key").Failures.ShouldHaveSingleItem()
            .Message.ShouldContain("did not answer");
}
