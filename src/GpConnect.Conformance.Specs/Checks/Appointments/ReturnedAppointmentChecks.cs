using GpConnect.Conformance.Fhir;
using GpConnect.Conformance.Specs.Domain;

namespace GpConnect.Conformance.Specs.Checks.Appointments;

/// <summary>
/// What every returned appointment and every free-slot search must hold beyond the profiles' cardinalities
/// (the Appointment Management pages): offered slots are free; an appointment declares GPConnect-Appointment-1 with a
/// version, was created at a recorded time, names its patient and its location; and each participant it names can be read.
/// </summary>
public static class ReturnedAppointmentChecks
{
    public const string AppointmentProfile = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1";

    /// <summary>Every Slot in the searchset has status <c>free</c> (the search asked for status=free).</summary>
    public static Check EverySlotFree(ProviderResponse response)
    {
        var check = BundleChecks.Contains(response, "Slot");
        if (!check.Passed) return check;
        foreach (var slot in response.BundleEntries("Slot"))
        {
            var status = slot.SelectValue("status");
            if (status != "free")
                check.Fail("slot.status", "Slot.status", "free", status ?? "absent",
                    $"Slot/{slot.SelectValue("id")} is offered by a search for free slots but its status is \"{status ?? "absent"}\": only free slots may be offered.");
        }
        return check;
    }

    /// <summary>
    /// The elements the spec pages require of a returned appointment that GPConnect-Appointment-1 leaves optional:
    /// meta.profile naming the profile, meta.versionId, created, a Patient participant and a Location participant.
    /// </summary>
    public static Check PageMandatoryElements(ElementNode appointment)
    {
        var check = new Check();
        if (!appointment.Select("meta.profile").Any(p => p.Value == AppointmentProfile))
            check.Fail("appointment.meta.profile", "Appointment.meta.profile", AppointmentProfile, Join(appointment.Select("meta.profile")),
                "A returned Appointment must declare GPConnect-Appointment-1 in meta.profile.");
        if (string.IsNullOrWhiteSpace(appointment.SelectValue("meta.versionId")))
            check.Fail("appointment.meta.versionId", "Appointment.meta.versionId", "a version id", "absent", "A returned Appointment must carry meta.versionId.");
        if (string.IsNullOrWhiteSpace(appointment.SelectValue("created")))
            check.Fail("appointment.created", "Appointment.created", "the date and time the booking was made", "absent",
                "A returned Appointment must carry created, the date and time it was booked.");
        var actors = appointment.Select("participant.actor.reference").Select(r => r.Value ?? "").ToList();
        foreach (var type in new[] { "Patient", "Location" })
            if (!actors.Any(a => a.StartsWith(type + "/", StringComparison.Ordinal)))
                check.Fail($"appointment.participant.{type.ToLowerInvariant()}", "Appointment.participant.actor", $"a {type} participant", string.Join(", ", actors),
                    $"A returned Appointment must name its {type} as a participant (participants: {(actors.Count == 0 ? "none" : string.Join(", ", actors))}).");
        return check;
    }

    /// <summary>Each participant reference was read with 200 and gave the resource it names (type and id).</summary>
    public static Check ParticipantsResolve(IReadOnlyList<(string Reference, ProviderResponse Response)> reads)
    {
        var check = new Check();
        if (reads.Count == 0)
            return check.Fail("appointment.participant", "Appointment.participant.actor", "participants to read", "none", "The appointment names no participant to read.");
        foreach (var (reference, response) in reads)
        {
            var parts = reference.Split('/');
            if (!response.HasResponse || response.StatusCode != 200)
            {
                check.Fail("appointment.participant.resolves", "Appointment.participant.actor.reference", "HTTP 200", response.Describe(),
                    $"The appointment names {reference}, but reading it gave {response.Describe()}: every participant reference must resolve.");
                continue;
            }
            var type = response.Resource?.ResourceType;
            var id = response.Resource?.SelectValue("id");
            if (type != parts[0] || id != parts[1])
                check.Fail("appointment.participant.resolves", "Appointment.participant.actor.reference", reference, $"{type}/{id}",
                    $"Reading {reference} returned {type ?? "no resource"}/{id ?? "no id"} instead.");
        }
        return check;
    }

    private static string Join(IEnumerable<ElementNode> nodes) => string.Join(", ", nodes.Select(n => n.Value)) is { Length: > 0 } s ? s : "absent";
}
