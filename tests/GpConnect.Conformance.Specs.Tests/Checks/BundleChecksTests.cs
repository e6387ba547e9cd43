using GpConnect.Conformance.Specs.Checks;
using GpConnect.Conformance.Specs.Tests.Support;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Checks;

public sealed class BundleChecksTests
{
    private const string GoodSlot = """{"resourceType":"Slot","id":"1","serviceType":[{"text":"General GP"}],"status":"free"}""";
    private const string TwoTypes = """{"resourceType":"Slot","id":"2","serviceType":[{"text":"A"},{"text":"B"}],"status":"free"}""";
    private const string NoText = """{"resourceType":"Slot","id":"3","serviceType":[{"coding":[{"code":"x"}]}],"status":"free"}""";

    [Fact]
    public void Contains_fails_on_an_empty_searchset_so_every_checks_cannot_pass_vacuously()
    {
        var empty = CannedResponses.Json(200, """{"resourceType":"Bundle","type":"searchset"}""");

        BundleChecks.Contains(empty, "Slot").Failures.ShouldHaveSingleItem().Message.ShouldContain("test data");
        BundleChecks.Contains(CannedResponses.Json(200, CannedResponses.SlotBundle(GoodSlot)), "Slot").Passed.ShouldBeTrue();
    }

    [Fact]
    public void Searchset_requires_a_bundle_of_type_searchset()
    {
        BundleChecks.Searchset(CannedResponses.Json(200, """{"resourceType":"Bundle","type":"collection"}"""))
            .Failures.ShouldHaveSingleItem().Rule.ShouldBe("bundle.type");
    }

    [Fact]
    public void At_most_names_each_entry_over_the_limit_with_its_path()
    {
        var response = CannedResponses.Json(200, CannedResponses.SlotBundle(GoodSlot, TwoTypes));

        var failure = BundleChecks.EveryEntryAtMost(response, "Slot", "serviceType", 1).Failures.ShouldHaveSingleItem();
        failure.Path.ShouldBe("Bundle.entry[1].resource.serviceType");
        failure.Message.ShouldContain("serviceType has 2 entries");
    }

    [Fact]
    public void Every_entry_has_value_fails_where_the_text_is_missing()
    {
        var response = CannedResponses.Json(200, CannedResponses.SlotBundle(GoodSlot, NoText));

        BundleChecks.EveryEntryHasValue(response, "Slot", "serviceType.text").Failures
            .ShouldHaveSingleItem().Path.ShouldBe("Bundle.entry[1].resource.serviceType.text");
    }

    [Fact]
    public void No_entry_has_fails_for_a_prohibited_element()
    {
        var withCategory = """{"resourceType":"Slot","id":"4","serviceCategory":{"text":"x"},"status":"free"}""";
        var response = CannedResponses.Json(200, CannedResponses.SlotBundle(GoodSlot, withCategory));

        BundleChecks.NoEntryHas(response, "Slot", "serviceCategory").Failures.ShouldHaveSingleItem().Rule.ShouldBe("element.prohibited");
        BundleChecks.NoEntryHas(response, "Slot", "comment").Passed.ShouldBeTrue();
    }
}
