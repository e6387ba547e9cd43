namespace GpConnect.ReferenceProvider.Fhir;

/// <summary>A Spine error code with its display, HTTP status and FHIR issue type (spec: Error handling guidance).</summary>
internal sealed record SpineError(string Code, string Display, int HttpStatus, string IssueType)
{
    public static readonly SpineError BadRequest = new("BAD_REQUEST", "Bad request", 400, "invalid");
    public static readonly SpineError InvalidIdentifierSystem = new("INVALID_IDENTIFIER_SYSTEM", "Invalid identifier system", 400, "value");
    public static readonly SpineError InvalidIdentifierValue = new("INVALID_IDENTIFIER_VALUE", "Invalid identifier value", 400, "value");
    public static readonly SpineError PractitionerNotFound = new("PRACTITIONER_NOT_FOUND", "Practitioner record not found", 404, "not-found");
    public static readonly SpineError OrganisationNotFound = new("ORGANISATION_NOT_FOUND", "Organisation record not found", 404, "not-found");
    public static readonly SpineError NoRecordFound = new("NO_RECORD_FOUND", "No record found", 404, "not-found");
    public static readonly SpineError UnsupportedMediaType = new("UNSUPPORTED_MEDIA_TYPE", "Unsupported media type", 415, "not-supported");
    public static readonly SpineError InvalidResource = new("INVALID_RESOURCE", "Submitted resource is not valid.", 422, "invalid");
    public static readonly SpineError InvalidParameter = new("INVALID_PARAMETER", "Submitted parameter is not valid.", 422, "invalid");
    public static readonly SpineError InternalServerError = new("INTERNAL_SERVER_ERROR", "Unexpected internal server error.", 500, "processing");
    public static readonly SpineError NotImplemented = new("NOT_IMPLEMENTED", "FHIR resource or operation not implemented at server", 501, "not-supported");
}
