namespace GpConnect.Conformance.Runner.Tests.Tags;

public class TagExpressionTests
{
    [Theory]
    [InlineData("@ticket-912", "@ticket-912 @since-1.2.7", true)]
    [InlineData("@ticket-912", "@ticket-913", false)]
    [InlineData("@TICKET-912", "@ticket-912", true)]
    [InlineData("@a and @b", "@a @b", true)]
    [InlineData("@a and @b", "@a", false)]
    [InlineData("@a or @b", "@b", true)]
    [InlineData("@a or @b", "@c", false)]
    [InlineData("not @wip", "@a", true)]
    [InlineData("not @wip", "@wip", false)]
    [InlineData("@a and not (@b or @c)", "@a", true)]
    [InlineData("@a and not (@b or @c)", "@a @c", false)]
    [InlineData("@a or @b and @c", "@a", true)]   // and binds tighter than or
    [InlineData("(@a or @b) and @c", "@a", false)]
    [InlineData("not not @a", "@a", true)]
    [InlineData("@a AND NOT @b", "@a", true)]
    public void Matches_follows_cucumber_precedence(string expression, string tags, bool expected)
    {
        TagExpression.Parse(expression).Matches(tags.Split(' ')).ShouldBe(expected);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("@a and", "ends too early")]
    [InlineData("@a @b", "'@b' at position 4 should be preceded by 'and' or 'or'")]
    [InlineData("(@a or @b", "never closed")]
    [InlineData("@a)", "no matching '('")]
    [InlineData("ticket-912", "'ticket-912' at position 1 is not a tag")]
    [InlineData("@a and or @b", "found 'or'")]
    [InlineData("@", "'@' at position 1 is not a tag")]
    public void Malformed_expressions_get_a_clear_error(string expression, string expectedProblem)
    {
        var error = Should.Throw<TagExpressionException>(() => TagExpression.Parse(expression));

        error.Message.ShouldStartWith($"Invalid tag expression '{expression}'");
        error.Message.ShouldContain(expectedProblem);
        error.Expression.ShouldBe(expression);
    }

    [Fact]
    public void ToString_shows_how_the_expression_was_grouped()
    {
        var expression = TagExpression.Parse("@a or @b and not @c");

        expression.ToString().ShouldBe("(@a or (@b and not @c))");
        expression.Text.ShouldBe("@a or @b and not @c");
    }
}
