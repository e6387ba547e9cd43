using System.Net;
using GpConnect.ReferenceProvider.Tests.Infrastructure;
using Shouldly;

namespace GpConnect.ReferenceProvider.Tests.Interactions;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Parallel_requests_each_get_a_complete_and_identical_answer()
    {
        await using var session = await ProviderSession.StartAsync();
        const string query = "/Slot?status=free&start=ge2026-06-02&end=le2026-06-12&_include=Slot:schedule&_include:recurse=Schedule:actor:Location";

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => i % 4 == 0
            ? session.MetadataAsync()
            : session.GetAsync(query, InteractionIds.SearchSlots)));

        responses.ShouldAllBe(r => r.Status == HttpStatusCode.OK);
        responses.Where((_, i) => i % 4 != 0).Select(r => r.Body).Distinct().Count().ShouldBe(1);
    }
}
