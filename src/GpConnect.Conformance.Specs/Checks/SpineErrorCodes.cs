namespace GpConnect.Conformance.Specs.Checks;

/// <summary>One Spine error code: the HTTP status it goes with and the FHIR issue types allowed beside it.</summary>
public sealed record SpineErrorCode(string Code, int HttpStatus, IReadOnlyList<string> IssueTypes);

/// <summary>
/// The Spine error codes that apply to Foundations and Appointment Management (spec: Error handling guidance), with their HTTP status
/// and issue type. INTERNAL_SERVER_ERROR accepts `processing` or `exception`.
/// </summary>
public static class SpineErrorCodes
{
    /// <summary>The value set URL every Foundations/AM example uses, and the code system URL the ARS pages use .</summary>
    public static IReadOnlyList<string> Systems { get; } =
    [
        "https://fhir.nhs.uk/STU3/ValueSet/Spine-ErrorOrWarningCode-1",
        "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1",
    ];

    public const string OperationOutcomeProfile = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1";

    private static readonly Dictionary<string, SpineErrorCode> ByCode = new SpineErrorCode[]
    {
        new("INVALID_IDENTIFIER_SYSTEM", 400, ["value"]),
        new("INVALID_IDENTIFIER_VALUE", 400, ["value"]),
        new("INVALID_NHS_NUMBER", 400, ["value"]),
        new("INVALID_PATIENT_DEMOGRAPHICS", 400, ["business-rule"]),
        new("BAD_REQUEST", 400, ["invalid"]),
        new("NO_PATIENT_CONSENT", 403, ["forbidden"]),
        new("NO_ORGANISATION_CONSENT", 403, ["forbidden"]),
        new("ACCESS_DENIED", 403, ["forbidden"]),
        new("PATIENT_NOT_FOUND", 404, ["not-found"]),
        new("PRACTITIONER_NOT_FOUND", 404, ["not-found"]),
        new("ORGANISATION_NOT_FOUND", 404, ["not-found"]),
        new("NO_RECORD_FOUND", 404, ["not-found"]),
        new("DUPLICATE_REJECTED", 409, ["duplicate"]),
        new("INVALID_RESOURCE", 422, ["invalid"]),
        new("INVALID_PARAMETER", 422, ["invalid"]),
        new("REFERENCE_NOT_FOUND", 422, ["invalid"]),
        new("INTERNAL_SERVER_ERROR", 500, ["processing", "exception"]),
        new("NOT_IMPLEMENTED", 501, ["not-supported"]),
    }.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static IReadOnlyCollection<SpineErrorCode> All => ByCode.Values;

    /// <summary>The code's definition; an unknown code is a mistake in a feature file, so it throws with the known list.</summary>
    public static SpineErrorCode Get(string code) =>
        ByCode.TryGetValue(code, out var found)
            ? found
            : throw new ArgumentException(
                $"\"{code}\" is not a Spine error code used by Foundations or Appointment Management. Known codes: {string.Join(", ", ByCode.Keys.Order())}.");

    /// <summary>Codes whose OperationOutcome must carry issue.diagnostics (spec: Error handling guidance).</summary>
    public static bool RequiresDiagnostics(string code) =>
        code is "INVALID_RESOURCE" or "INVALID_PARAMETER" or "REFERENCE_NOT_FOUND" or "INTERNAL_SERVER_ERROR";
}
