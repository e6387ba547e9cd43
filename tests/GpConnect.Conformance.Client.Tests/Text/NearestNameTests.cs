using GpConnect.Conformance.Text;
using Shouldly;

namespace GpConnect.Conformance.Client.Tests.Text;

/// <summary>The "did you mean …?" hint shared by configuration keys (Client) and waivers (Reporting): src/Shared/NearestName.cs.</summary>
public sealed class NearestNameTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("allowWrites", "allowWrites", 0)]
    [InlineData("ab", "ba", 2)]
    public void Distance_counts_insertions_deletions_and_substitutions(string a, string b, int expected)
    {
        NearestName.Distance(a, b).ShouldBe(expected);
        NearestName.Distance(b, a).ShouldBe(expected);
    }

    [Fact]
    public void The_nearest_name_is_found_ignoring_case_and_returned_as_the_candidate_spells_it()
    {
        NearestName.Within("PROVIDER:ALOWWRITES", ["http:timeoutSeconds", "provider:allowWrites"]).ShouldBe("provider:allowWrites");
    }

    [Fact]
    public void A_name_further_than_a_quarter_of_its_length_and_at_least_two_edits_away_gets_no_suggestion()
    {
        NearestName.Within("@ticket-91", ["@ticket-912"]).ShouldBe("@ticket-912");
        NearestName.Within("abc", ["xyz"]).ShouldBeNull();
        NearestName.Within("abcdefgh", ["abcdefXY"]).ShouldBe("abcdefXY");
        NearestName.Within("abcdefgh", ["abcdeXYZ"]).ShouldBeNull();
    }

    [Fact]
    public void An_explicit_allowance_replaces_the_default_and_ties_go_to_the_first_candidate()
    {
        NearestName.Within("abcd", ["abXY"], allowedEdits: 1).ShouldBeNull();
        NearestName.Within("abcd", ["abcX", "abcY"]).ShouldBe("abcX");
    }

    [Fact]
    public void No_candidates_give_no_suggestion() => NearestName.Within("anything", []).ShouldBeNull();
}
