using System.Text.Json.Nodes;

namespace GpConnect.Conformance.Specs.Domain.Appointments;

/// <summary>
/// One defect at a time in an otherwise valid booking (spec: Book an appointment), named in the words a feature uses:
/// a mandatory element left out, an element broken, or a value the provider must refuse. Each returns a changed copy.
/// </summary>
public static class BookingDefects
{
    /// <summary>The defects this suite knows how to make, in feature wording, as one regex alternation (for step patterns).</summary>
    public const string Phrases =
        "without the patient participant|without the location participant|with a participant without an actor|" +
        "with a participant without a status|without a start|without an end|without a status|without a slot|" +
        "with an identifier without a value|with the status pending|without the booking organisation|" +
        "with a booking organisation without a name|with a booking organisation without a telecom|" +
        "with a booking organisation without an ODS code|without a description|without a created date|" +
        "with a start an hour before the slot's|with an end an hour after the slot's|" +
        "with an absolute reference to the patient|with an absolute reference to the location|with an absolute reference to the slot|" +
        "as a Bundle instead of an Appointment|" +
        "without a practitioner participant or a comment|with a booking organisation without a type";

    /// <summary>The defects this suite knows how to make, in feature wording.</summary>
    public static IReadOnlyList<string> Known { get; } = Phrases.Split('|');

    /// <summary>A copy of <paramref name="booking"/> with the named defect.</summary>
    public static JsonObject Apply(JsonObject booking, string defect)
    {
        var copy = (JsonObject)booking.DeepClone();
        switch (defect.Trim())
        {
            case "without the patient participant": RemoveParticipants(copy, "Patient/"); break;
            case "without the location participant": RemoveParticipants(copy, "Location/"); break;
            case "without a practitioner participant or a comment": RemoveParticipants(copy, "Practitioner/"); copy.Remove("comment"); break;
            case "with a participant without an actor":
                // The Location participant when the booking has one (a provider's slot search may have left it out), else the first.
                var participants = Participants(copy);
                (participants.FirstOrDefault(p => Actor(p).StartsWith("Location/", StringComparison.Ordinal)) ?? participants[0]).Remove("actor");
                break;
            case "with a participant without a status": Participants(copy)[0].Remove("status"); break;
            case "without a start": copy.Remove("start"); break;
            case "without an end": copy.Remove("end"); break;
            case "without a status": copy.Remove("status"); break;
            case "without a slot": copy.Remove("slot"); break;
            case "without a description": copy.Remove("description"); break;
            case "without a created date": copy.Remove("created"); break;
            case "with the status pending": copy["status"] = "pending"; break;
            case "with an identifier without a value":
                copy["identifier"] = new JsonArray(new JsonObject { ["system"] = "https://gpconnect-conformance.example/Id/booking-reference" });
                break;
            case "without the booking organisation": copy.Remove("contained"); copy.Remove("extension"); break;
            case "with a booking organisation without a name": Organisation(copy).Remove("name"); break;
            case "with a booking organisation without a telecom": Organisation(copy).Remove("telecom"); break;
            case "with a booking organisation without an ODS code": Organisation(copy).Remove("identifier"); break;
            case "with a booking organisation without a type": Organisation(copy).Remove("type"); break;
            case "with a start an hour before the slot's": copy["start"] = Shift(copy["start"], TimeSpan.FromHours(-1)); break;
            case "with an end an hour after the slot's": copy["end"] = Shift(copy["end"], TimeSpan.FromHours(1)); break;
            case "with an absolute reference to the patient":
                var patient = Participants(copy).First(p => Actor(p).StartsWith("Patient/", StringComparison.Ordinal));
                patient["actor"]!["reference"] = "https://gpconnect-conformance.example/STU3/1/gpconnect/" + Actor(patient);
                break;
            case "with an absolute reference to the location":
            case "with an absolute reference to the slot":
                return ReferenceDefects.Apply(copy, defect.Trim());
            case "as a Bundle instead of an Appointment":
                return new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection", ["entry"] = new JsonArray(new JsonObject { ["resource"] = copy }) };
            default:
                throw new ArgumentException($"\"{defect}\" is not a booking defect this suite knows. Use one of: {string.Join("; ", Known)}.");
        }
        return copy;
    }

    private static List<JsonObject> Participants(JsonObject booking) => (booking["participant"] as JsonArray ?? []).OfType<JsonObject>().ToList();

    private static string Actor(JsonObject participant) => participant["actor"]?["reference"]?.GetValue<string>() ?? "";

    private static void RemoveParticipants(JsonObject booking, string prefix)
    {
        var participants = (JsonArray)booking["participant"]!;
        foreach (var participant in Participants(booking).Where(p => Actor(p).StartsWith(prefix, StringComparison.Ordinal))) participants.Remove(participant);
    }

    private static JsonObject Organisation(JsonObject booking) =>
        (booking["contained"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault()
        ?? throw new InvalidOperationException("The booking has no contained booking organisation to change.");

    private static string? Shift(JsonNode? dateTime, TimeSpan by) =>
        DateTimeOffset.TryParse(dateTime?.GetValue<string>(), out var value) ? UkDateTimeText.Format(value + by) : dateTime?.GetValue<string>();
}
