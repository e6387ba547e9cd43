using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Specs.Checks;

namespace GpConnect.Conformance.Specs.Domain.Core;

/// <summary>
/// Requests sent to a path no interaction uses (the Core spec pages): an interaction's headers, token and body,
/// sent to another relative path, e.g. a read with no id, a misspelt operation or a path in the wrong letter case.
/// </summary>
public static class UrlProbes
{
    /// <summary>A valid request for <paramref name="useCase"/>, sent to <paramref name="relativePath"/> instead of its own path.</summary>
    /// <exception cref="ArgumentException">The use case is not a GP Connect interaction, or the path is not relative to the service root.</exception>
    public static GpConnectRequest At(string useCase, string relativePath, ConformanceSettings settings, TimeProvider clock)
    {
        if (!relativePath.StartsWith('/'))
            throw new ArgumentException($"\"{relativePath}\" must start with '/': it is relative to the service root.", nameof(relativePath));
        var interaction = Interactions.All.FirstOrDefault(i => string.Equals(i.UseCase, useCase, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"\"{useCase}\" is not a GP Connect use case. Known: {string.Join(", ", Interactions.All.Select(i => i.UseCase))}.", nameof(useCase));
        var request = RepresentativeRequests.Supported.Contains(interaction) && interaction != Interactions.ReadOrganisation
            ? RepresentativeRequests.For(useCase, settings, clock)
            : new GpConnectRequest(interaction);
        request.RelativePath = relativePath;
        return request;
    }

    /// <summary>
    /// A method no interaction uses on this path is refused: 400 BAD_REQUEST as the error guidance maps a wrong verb, or
    /// 405 Method Not Allowed, a status the spec lists among those servers produce (the Core spec pages; CORE-081 tolerates it).
    /// </summary>
    public static Check MethodRefused(ProviderResponse response) =>
        response.StatusCode == 405 ? new Check() : ResponseChecks.OperationOutcome(response, "BAD_REQUEST");

    /// <summary>
    /// OPTIONS is no GP Connect interaction, so it must not be served as one. Besides the refusals of
    /// <see cref="MethodRefused"/>, a 2xx answer without a body passes: the CORS preflight a provider's HTTP stack may give
    /// (the capability statement template declares <c>rest.security.cors</c>, and the spec leaves CORS untested).
    /// </summary>
    public static Check OptionsNotServed(ProviderResponse response)
    {
        if (response.HasResponse && response.StatusCode is >= 200 and < 300 && string.IsNullOrWhiteSpace(response.Exchange.ResponseBody))
            return new Check();
        var check = MethodRefused(response);
        if (!check.Passed && response.StatusCode is >= 200 and < 300)
            check.Fail("http.options", null, "400 BAD_REQUEST, 405, or a bodiless CORS preflight answer", $"{response.StatusCode} with a body",
                "OPTIONS is no GP Connect interaction: the provider answered it with a body as if it were the interaction named.");
        return check;
    }
}
