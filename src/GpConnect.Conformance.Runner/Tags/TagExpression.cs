namespace GpConnect.Conformance.Runner;

/// <summary>
/// A Cucumber tag expression such as <c>@a and not (@b or @c)</c>, or a bare tag such as <c>@ticket-912</c>.
/// Operators are <c>not</c> (binds tightest), <c>and</c>, <c>or</c>, with parentheses for grouping.
/// Tags start with '@' and match case-insensitively.
/// </summary>
public sealed class TagExpression
{
    private readonly Node _root;

    private TagExpression(string text, Node root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>The expression as it was written.</summary>
    public string Text { get; }

    /// <summary>Parses an expression.</summary>
    /// <exception cref="TagExpressionException">The expression is empty or malformed; the message says where and why.</exception>
    public static TagExpression Parse(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
            throw new TagExpressionException(expression ?? string.Empty, "it is empty; write a tag such as '@ticket-912' or an expression such as '@a and not @b'.");
        var parser = new Parser(expression, Tokenize(expression));
        return new TagExpression(expression, parser.ParseWhole());
    }

    /// <summary>True when the given tags (with '@') satisfy the expression.</summary>
    public bool Matches(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return _root.Evaluate(new HashSet<string>(tags, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The expression fully parenthesised, showing how it was understood.</summary>
    public override string ToString() => _root.ToString()!;

    private enum TokenKind { Tag, And, Or, Not, Open, Close }

    private sealed record Token(TokenKind Kind, string Text, int Position);

    private static List<Token> Tokenize(string expression)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '(') { tokens.Add(new Token(TokenKind.Open, "(", i++)); continue; }
            if (c == ')') { tokens.Add(new Token(TokenKind.Close, ")", i++)); continue; }

            var start = i;
            while (i < expression.Length && !char.IsWhiteSpace(expression[i]) && expression[i] is not '(' and not ')') i++;
            var word = expression[start..i];
            var kind = word.ToLowerInvariant() switch
            {
                "and" => TokenKind.And,
                "or" => TokenKind.Or,
                "not" => TokenKind.Not,
                _ => TokenKind.Tag,
            };
            if (kind == TokenKind.Tag && (word[0] != '@' || word.Length == 1))
                throw new TagExpressionException(expression,
                    $"'{word}' at position {start + 1} is not a tag: tags start with '@' (e.g. '@{word.TrimStart('@')}'), operators are 'and', 'or', 'not'.");
            tokens.Add(new Token(kind, word, start));
        }
        return tokens;
    }

    /// <summary>Recursive descent: or → and ('or' and)*; and → not ('and' not)*; not → 'not' not | '(' or ')' | tag.</summary>
    private sealed class Parser(string expression, List<Token> tokens)
    {
        private int _index;

        public Node ParseWhole()
        {
            var node = ParseOr();
            if (_index < tokens.Count)
            {
                var token = tokens[_index];
                throw new TagExpressionException(expression, token.Kind == TokenKind.Close
                    ? $"the ')' at position {token.Position + 1} has no matching '('."
                    : $"'{token.Text}' at position {token.Position + 1} should be preceded by 'and' or 'or'.");
            }
            return node;
        }

        private Node ParseOr()
        {
            var left = ParseAnd();
            while (Accept(TokenKind.Or)) left = new OrNode(left, ParseAnd());
            return left;
        }

        private Node ParseAnd()
        {
            var left = ParseNot();
            while (Accept(TokenKind.And)) left = new AndNode(left, ParseNot());
            return left;
        }

        private Node ParseNot()
        {
            if (_index >= tokens.Count)
            {
                var after = tokens.Count == 0 ? "the start" : $"'{tokens[^1].Text}'";
                throw new TagExpressionException(expression, $"it ends too early: expected a tag, 'not' or '(' after {after}.");
            }
            var token = tokens[_index++];
            switch (token.Kind)
            {
                case TokenKind.Not:
                    return new NotNode(ParseNot());
                case TokenKind.Tag:
                    return new TagNode(token.Text);
                case TokenKind.Open:
                    var inner = ParseOr();
                    if (!Accept(TokenKind.Close))
                        throw new TagExpressionException(expression, $"the '(' at position {token.Position + 1} is never closed.");
                    return inner;
                default:
                    throw new TagExpressionException(expression,
                        $"expected a tag, 'not' or '(' at position {token.Position + 1} but found '{token.Text}'.");
            }
        }

        private bool Accept(TokenKind kind)
        {
            if (_index < tokens.Count && tokens[_index].Kind == kind) { _index++; return true; }
            return false;
        }
    }

    private abstract record Node
    {
        public abstract bool Evaluate(HashSet<string> tags);
    }

    private sealed record TagNode(string Tag) : Node
    {
        public override bool Evaluate(HashSet<string> tags) => tags.Contains(Tag);
        public override string ToString() => Tag;
    }

    private sealed record NotNode(Node Operand) : Node
    {
        public override bool Evaluate(HashSet<string> tags) => !Operand.Evaluate(tags);
        public override string ToString() => $"not {Operand}";
    }

    private sealed record AndNode(Node Left, Node Right) : Node
    {
        public override bool Evaluate(HashSet<string> tags) => Left.Evaluate(tags) && Right.Evaluate(tags);
        public override string ToString() => $"({Left} and {Right})";
    }

    private sealed record OrNode(Node Left, Node Right) : Node
    {
        public override bool Evaluate(HashSet<string> tags) => Left.Evaluate(tags) || Right.Evaluate(tags);
        public override string ToString() => $"({Left} or {Right})";
    }
}

/// <summary>A tag expression that could not be parsed; the message quotes the expression and says what is wrong.</summary>
public sealed class TagExpressionException(string expression, string problem)
    : FormatException($"Invalid tag expression '{expression}': {problem}")
{
    /// <summary>The expression as given.</summary>
    public string Expression { get; } = expression;
}
