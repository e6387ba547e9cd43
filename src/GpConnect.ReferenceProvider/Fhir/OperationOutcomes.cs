using System.Text.Json.Nodes;

namespace GpConnect.ReferenceProvider.Fhir;

/// <summary>Builds GPConnect-OperationOutcome-1 error resources.</summary>
internal static class OperationOutcomes
{
    /// <summary>An OperationOutcome with one error issue carrying the Spine code and diagnostics.</summary>
    public static JsonObject For(SpineError error, string diagnostics) => new()
    {
        ["resourceType"] = "OperationOutcome",
        ["meta"] = new JsonObject { ["profile"] = new JsonArray(Profiles.OperationOutcome) },
        ["issue"] = new JsonArray(new JsonObject
        {
            ["severity"] = "error",
            ["code"] = error.IssueType,
            ["details"] = new JsonObject
            {
                ["coding"] = new JsonArray(new JsonObject
                {
                    ["system"] = Systems.SpineErrorOrWarningCode,
                    ["code"] = error.Code,
                    ["display"] = error.Display,
                }),
            },
            ["diagnostics"] = diagnostics,
        }),
    };
}
