using System.Text;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Client.Jwt;

namespace GpConnect.Conformance.Client;

/// <summary>One query parameter. <see cref="Raw"/> ones are written verbatim; others are percent-encoded (RFC 3986).</summary>
public sealed record QueryParameter(string Name, string Value, bool Raw = false)
{
    /// <summary>The <c>name=value</c> text as it appears in the URL.</summary>
    public string ToQueryText() => Raw ? $"{Name}={Value}" : $"{Encode(Name)}={Encode(Value)}";

    /// <summary>
    /// Percent-encodes everything but unreserved characters and the query-safe <c>: / @ ! $ ' ( ) * , ;</c>
    /// (so <c>|</c> becomes <c>%7C</c>, and <c>&amp; = + #</c> and spaces are encoded).
    /// </summary>
    public static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-._~:/@!$'()*,;".Contains(c))) builder.Append(c);
            else builder.Append('%').Append(b.ToString("X2"));
        }
        return builder.ToString();
    }
}

/// <summary>
/// A GP Connect request, valid by default for its <see cref="Interactions.Interaction"/>: method, path, the four SSP
/// headers and a fresh bearer token are filled in by <see cref="GpConnectClient"/> at send time. Everything can be
/// overridden, emptied or removed for negative tests. Mutators return the request for chaining. One request object
/// may be sent more than once; each send gets a new trace id and token.
/// </summary>
public sealed class GpConnectRequest
{
    private readonly List<QueryParameter> _query = [];
    private readonly List<HeaderEdit> _headerEdits = [];
    private readonly List<Action<JwtDraft>> _tokenEdits = [];

    /// <summary>A request for <paramref name="interaction"/> with its own method and (template) path.</summary>
    public GpConnectRequest(Interaction interaction)
    {
        Interaction = interaction ?? throw new ArgumentNullException(nameof(interaction));
        Method = interaction.Method.Method;
        RelativePath = interaction.PathTemplate;
        Scope = interaction.Scope;
    }

    /// <summary>A request for <paramref name="interaction"/> with the path placeholders filled, e.g. <c>("id", "42")</c>.</summary>
    public static GpConnectRequest For(Interaction interaction, params (string Name, string Value)[] pathValues)
    {
        var request = new GpConnectRequest(interaction);
        if (pathValues.Length > 0 || interaction.PathParameters.Count > 0) request.RelativePath = interaction.ResolvePath(pathValues);
        return request;
    }

    /// <summary>A request for an interaction whose path has one placeholder (e.g. <c>/Patient/{id}</c>).</summary>
    public static GpConnectRequest For(Interaction interaction, string id) =>
        new(interaction) { RelativePath = interaction.ResolvePath(id) };

    /// <summary>The interaction: gives the default method, path, <c>Ssp-InteractionID</c> and JWT scope.</summary>
    public Interaction Interaction { get; }

    /// <summary>HTTP method to send (any token, e.g. <c>DELETE</c> for negative tests).</summary>
    public string Method { get; set; }

    /// <summary>Path relative to the service root, starting with '/'. Sent verbatim (encode values yourself or use <see cref="Interaction.ResolvePath(string)"/>).</summary>
    public string RelativePath
    {
        get;
        set
        {
            field = value;
            _pathAndQuery = null;
        }
    }

    /// <summary>Query parameters in order; names may repeat.</summary>
    public IReadOnlyList<QueryParameter> Query => _query;

    /// <summary>The <c>Accept</c> header; null sends none.</summary>
    public string? Accept { get; set; } = FhirMediaTypes.Json;

    /// <summary>The request body text (sent as UTF-8); null sends no body.</summary>
    public string? Body { get; set; }

    /// <summary>The <c>Content-Type</c> sent with <see cref="Body"/>; null sends none.</summary>
    public string? ContentType { get; set; }

    /// <summary>
    /// Sends <see cref="Body"/> with <c>Transfer-Encoding: chunked</c> and no <c>Content-Length</c> (spec: FHIR API guidance: HTTP headers and bodies: servers
    /// SHALL accept chunked bodies).
    /// </summary>
    public bool SendChunked { get; set; }

    /// <summary>The <c>If-Match</c> header (e.g. <c>W/"3"</c>); null sends none.</summary>
    public string? IfMatch { get; set; }

    /// <summary>The <c>Prefer</c> header (e.g. <c>return=minimal</c>); null sends none.</summary>
    public string? Prefer { get; set; }

    /// <summary>The JWT <c>requested_scope</c>; defaults to the interaction's.</summary>
    public string Scope { get; set; }

    /// <summary>Header edits, applied in order after the defaults.</summary>
    public IReadOnlyList<HeaderEdit> HeaderEdits => _headerEdits;

    /// <summary>Token edits, applied in order to the fresh valid draft before encoding.</summary>
    public IReadOnlyList<Action<JwtDraft>> TokenEdits => _tokenEdits;

    /// <summary>Adds a query parameter, percent-encoded.</summary>
    public GpConnectRequest AddQuery(string name, string value)
    {
        _query.Add(new QueryParameter(name, value));
        _pathAndQuery = null;
        return this;
    }

    /// <summary>Adds a query parameter written verbatim (no encoding).</summary>
    public GpConnectRequest AddRawQuery(string name, string value)
    {
        _query.Add(new QueryParameter(name, value, Raw: true));
        _pathAndQuery = null;
        return this;
    }

    /// <summary>Removes every query parameter with this name.</summary>
    public GpConnectRequest RemoveQuery(string name)
    {
        _query.RemoveAll(q => q.Name == name);
        _pathAndQuery = null;
        return this;
    }

    /// <summary>Adds <c>_format=&lt;mediaType&gt;</c>.</summary>
    public GpConnectRequest WithFormat(string mediaType) => AddQuery("_format", mediaType);

    /// <summary>Sets the body and its Content-Type (default <c>application/fhir+json;charset=utf-8</c>; null for none).</summary>
    public GpConnectRequest WithBody(string body, string? contentType = FhirMediaTypes.JsonUtf8)
    {
        Body = body;
        ContentType = contentType;
        return this;
    }

    /// <summary>
    /// Sends <paramref name="name"/> with exactly this value instead of the default (SSP headers, Authorization,
    /// Accept, …, or any other header); an empty string sends the header with an empty value.
    /// </summary>
    public GpConnectRequest SetHeader(string name, string value)
    {
        _headerEdits.Add(new HeaderEdit(HeaderEditKind.Set, name, value));
        return this;
    }

    /// <summary>Sends an extra value for <paramref name="name"/> (after any default one).</summary>
    public GpConnectRequest AddHeader(string name, string value)
    {
        _headerEdits.Add(new HeaderEdit(HeaderEditKind.Add, name, value));
        return this;
    }

    /// <summary>Does not send <paramref name="name"/> at all (e.g. <c>Ssp-TraceID</c>, <c>Authorization</c>).</summary>
    public GpConnectRequest RemoveHeader(string name)
    {
        _headerEdits.Add(new HeaderEdit(HeaderEditKind.Remove, name, null));
        return this;
    }

    /// <summary>Alters the freshly made valid token before it is encoded (e.g. <c>d => d.RemoveClaim("aud")</c>).</summary>
    public GpConnectRequest AlterToken(Action<JwtDraft> edit)
    {
        _tokenEdits.Add(edit ?? throw new ArgumentNullException(nameof(edit)));
        return this;
    }

    /// <summary>Replaces the whole Authorization header value (e.g. <c>Basic abc</c>, or a bare token without <c>Bearer</c>).</summary>
    public GpConnectRequest WithAuthorization(string value) => SetHeader("Authorization", value);

    /// <summary>Sends no Authorization header.</summary>
    public GpConnectRequest WithoutAuthorization() => RemoveHeader("Authorization");

    /// <summary>The relative path plus query string, as it will be appended to the service root.</summary>
    public string PathAndQuery => _pathAndQuery ??=
        _query.Count == 0 ? RelativePath : RelativePath + "?" + string.Join("&", _query.Select(q => q.ToQueryText()));

    // Made when first asked for and again after the path or the query changes (a request sent many times encodes it once).
    private string? _pathAndQuery;

    /// <inheritdoc />
    public override string ToString() => $"{Method} {PathAndQuery} ({Interaction.Name})";
}

/// <summary>What a <see cref="HeaderEdit"/> does.</summary>
public enum HeaderEditKind
{
    /// <summary>Replace all values with one.</summary>
    Set,
    /// <summary>Append a value.</summary>
    Add,
    /// <summary>Send no such header.</summary>
    Remove,
}

/// <summary>One change to the default headers.</summary>
public sealed record HeaderEdit(HeaderEditKind Kind, string Name, string? Value);
