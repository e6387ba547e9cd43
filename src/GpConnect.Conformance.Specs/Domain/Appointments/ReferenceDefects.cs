using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Runner.Results;
using System.Text.Json.Nodes;

namespace GpConnect.Conformance.Specs.Domain.Appointments;

/// <summary>
/// Appointment bodies that break GP Connect's reference and resource-type rules (the Appointment Management pages):
/// a reference written absolute (https://host/…/Type/id) instead of the relative Type/id GP Connect requires, and a body
/// that is not an Appointment. Each returns a changed copy; the wording is the feature's.
/// </summary>
public static class ReferenceDefects
{
    /// <summary>The base an absolute reference is written against: any server, since none may be accepted.</summary>
    public const string AbsoluteBase = "https://gpconnect-conformance.example/STU3/1/gpconnect/";

    /// <summary>The defects, in feature wording, as one regex alternation.</summary>
    public const string Phrases =
        "with an absolute reference to the patient|with an absolute reference to the location|with an absolute reference to the slot|" +
        "with absolute references to its patient, location and slot|sent as a Bundle instead of an Appointment";

    /// <summary>A copy of <paramref name="appointment"/> with the named defect.</summary>
    public static JsonObject Apply(JsonObject appointment, string defect)
    {
        var copy = (JsonObject)appointment.DeepClone();
        switch (defect)
        {
            case "with an absolute reference to the patient": Absolute(Participant(copy, "Patient/")); break;
            case "with an absolute reference to the location": Absolute(Participant(copy, "Location/")); break;
            case "with an absolute reference to the slot":
                Absolute((copy["slot"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault()
                    ?? throw new ConformanceCheckException(new CheckFailure("appointment.slot", "Appointment.slot", "a slot reference", "none",
                        "The appointment has no slot reference to make absolute.")));
                break;
            case "with absolute references to its patient, location and slot":
                return Apply(Apply(Apply(copy, "with an absolute reference to the patient"), "with an absolute reference to the location"), "with an absolute reference to the slot");
            case "sent as a Bundle instead of an Appointment":
                return new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection", ["entry"] = new JsonArray(new JsonObject { ["resource"] = copy }) };
            default:
                throw new ArgumentException($"\"{defect}\" is not a reference defect this suite knows. Use one of: {Phrases.Replace("|", "; ", StringComparison.Ordinal)}.");
        }
        return copy;
    }

    private static JsonObject Participant(JsonObject appointment, string prefix) =>
        (appointment["participant"] as JsonArray)?.OfType<JsonObject>()
            .Select(p => p["actor"] as JsonObject)
            .FirstOrDefault(actor => actor?["reference"]?.GetValue<string>()?.StartsWith(prefix, StringComparison.Ordinal) == true)
        ?? throw new ConformanceCheckException(new CheckFailure("appointment." + prefix.TrimEnd('/').ToLowerInvariant(), "Appointment.participant.actor",
            $"a {prefix.TrimEnd('/')} participant", "none",
            $"The appointment built from the provider's free slot has no {prefix.TrimEnd('/')} participant to make absolute: the slot's " +
            $"Schedule names no {prefix.TrimEnd('/')} actor (a GP Connect Schedule names its location and practitioner)."));

    private static void Absolute(JsonObject reference) =>
        reference["reference"] = AbsoluteBase + reference["reference"]!.GetValue<string>();
}
