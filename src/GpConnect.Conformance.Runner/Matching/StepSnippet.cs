using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GpConnect.Conformance.Runner;

/// <summary>
/// Writes a ready-to-paste step definition for an undefined step: quoted strings become <c>"([^"]*)"</c> string
/// parameters, whole numbers <c>(-?\d+)</c> int parameters, decimals <c>(-?\d+\.\d+)</c> decimal parameters, and a
/// data table or doc string becomes a last <see cref="Table"/> or string parameter.
/// </summary>
public static partial class StepSnippet
{
    /// <summary>The snippet (attribute plus method) for <paramref name="step"/>.</summary>
    public static string For(ScenarioStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var regex = new StringBuilder("^");
        var parameters = new List<string>();
        var nameWords = new List<string>();
        var position = 0;
        foreach (Match match in Placeholder().Matches(step.Text))
        {
            AppendLiteral(regex, nameWords, step.Text[position..match.Index]);
            if (match.Groups["quoted"].Success)
            {
                regex.Append("\"([^\"]*)\"");
                parameters.Add($"string p{parameters.Count}");
            }
            else if (match.Groups["decimal"].Success)
            {
                regex.Append(@"(-?\d+\.\d+)");
                parameters.Add($"decimal p{parameters.Count}");
            }
            else
            {
                regex.Append(@"(-?\d+)");
                parameters.Add($"int p{parameters.Count}");
            }
            position = match.Index + match.Length;
        }
        AppendLiteral(regex, nameWords, step.Text[position..]);
        regex.Append('$');

        if (step.Table is not null) parameters.Add("Table table");
        else if (step.DocString is not null) parameters.Add("string docString");

        var kind = step.Kind.ToString();
        var methodName = kind + string.Concat(nameWords.Select(Capitalise));
        var attributeText = regex.ToString().Replace("\"", "\"\"");
        return $"""
            [{kind}(@"{attributeText}")]
            public void {methodName}({string.Join(", ", parameters)})
            {"{"}
                throw new PendingStepException();
            {"}"}
            """;
    }

    private static void AppendLiteral(StringBuilder regex, List<string> nameWords, string literal)
    {
        regex.Append(Regex.Escape(literal).Replace("\\ ", " "));
        foreach (Match word in Word().Matches(literal)) nameWords.Add(word.Value);
    }

    private static string Capitalise(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];

    // A quoted string, or a number standing on its own (not part of "1.2.7", "ticket-912" or "abc123").
    [GeneratedRegex("""(?<quoted>"[^"]*")|(?<![\w.-])(?:(?<decimal>-?\d+\.\d+)|-?\d+)(?![\w.])""")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[A-Za-z0-9]+")]
    private static partial Regex Word();
}
