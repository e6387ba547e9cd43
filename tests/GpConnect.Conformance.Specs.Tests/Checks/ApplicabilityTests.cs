using GpConnect.Conformance.Specs.Hooks;
using Shouldly;

namespace GpConnect.Conformance.Specs.Tests.Checks;

public sealed class ApplicabilityTests
{
    [Theory]
    [InlineData("@since-1.2.7", "1.2.7", true)]
    [InlineData("@since-1.2.7", "1.2.4", false)]
    [InlineData("@since-1.2.3", "1.2.4", true)]
    [InlineData("@until-1.2.4", "1.2.4", true)]
    [InlineData("@until-1.2.4", "1.2.7", false)]
    [InlineData("@ticket-912", "1.2.3", true)]
    public void Since_and_until_tags_decide_by_the_target_version(string tag, string target, bool applies)
    {
        (Applicability.Decide([tag], target) is null).ShouldBe(applies);
    }

    [Fact]
    public void Not_provider_testable_tickets_never_apply_and_say_why()
    {
        Applicability.Decide(["@ticket-616", "@not-provider-testable"], "1.2.7").ShouldNotBeNull().ShouldContain("Not provider-testable");
    }

    [Fact]
    public void The_reason_names_both_versions()
    {
        Applicability.Decide(["@since-1.2.7"], "1.2.3").ShouldBe("Applies from GP Connect 1.2.7; the target is 1.2.3.");
    }
}
