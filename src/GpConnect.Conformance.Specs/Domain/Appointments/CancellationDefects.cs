using System.Text.Json.Nodes;

namespace GpConnect.Conformance.Specs.Domain.Appointments;

/// <summary>
/// Cancellations that are not what the cancel interaction needs (spec: Cancel an appointment, APT-192…194): the reason under
/// another URL, an empty or missing reason, the status left booked. Each returns a changed copy of the representation.
/// </summary>
public static class CancellationDefects
{
    /// <summary>A URL that is not the cancellation-reason extension's (a consumer's typo or an old version).</summary>
    public const string WrongReasonUrl = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-CancellationReason-1";

    /// <summary>The defects in feature wording, as one regex alternation.</summary>
    public const string Phrases =
        "with the cancellation reason under another URL|with an empty cancellation reason|without a cancellation reason|leaving its status booked";

    /// <summary>A cancellation of <paramref name="appointment"/> with the named defect.</summary>
    public static JsonObject Apply(JsonObject appointment, string defect, string reason) => defect.Trim() switch
    {
        "with the cancellation reason under another URL" => WithExtension(Status(appointment, "cancelled"), WrongReasonUrl, reason),
        "with an empty cancellation reason" => AppointmentEdits.Cancelled(appointment, ""),
        "without a cancellation reason" => Status(appointment, "cancelled"),
        "leaving its status booked" => AppointmentEdits.WithCancellationReason(appointment, reason),
        _ => throw new ArgumentException($"\"{defect}\" is not a cancellation defect this suite knows. Use one of: {Phrases.Replace("|", "; ")}."),
    };

    private static JsonObject Status(JsonObject appointment, string status)
    {
        var copy = (JsonObject)appointment.DeepClone();
        copy["status"] = status;
        return copy;
    }

    private static JsonObject WithExtension(JsonObject appointment, string url, string value)
    {
        var extensions = appointment["extension"] as JsonArray ?? new JsonArray();
        extensions.Add(new JsonObject { ["url"] = url, ["valueString"] = value });
        appointment["extension"] = extensions;
        return appointment;
    }
}
