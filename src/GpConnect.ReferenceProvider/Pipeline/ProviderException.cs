using GpConnect.ReferenceProvider.Fhir;

namespace GpConnect.ReferenceProvider.Pipeline;

/// <summary>A request failure that becomes a GPConnect-OperationOutcome-1 response with the error's HTTP status.</summary>
internal sealed class ProviderException(SpineError error, string diagnostics) : Exception(diagnostics)
{
    public SpineError Error { get; } = error;

    public static ProviderException BadRequest(string diagnostics) => new(SpineError.BadRequest, diagnostics);
}
