using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Hosting;
using GpConnect.ReferenceProvider.Practice.Appointments;

namespace GpConnect.ReferenceProvider.Handlers.Appointments;

/// <summary>URLs of the Appointment extensions (spec: Appointment Management overview).</summary>
internal static class AppointmentExtensions
{
    private const string Base = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    public const string BookingOrganisation = Base + "Extension-GPConnect-BookingOrganisation-1";
    public const string CancellationReason = Base + "Extension-GPConnect-AppointmentCancellationReason-1";

    /// <summary>The system of the business identifier the practice system gives every appointment (APT-152).</summary>
    public const string PracticeAppointmentIdSystem = "https://reference-provider.gpconnect.example/Id/appointment-number";
}

/// <summary>
/// Turns appointment-book records into GPConnect-Appointment-1 resources in FHIR element order: contained booking
/// organisation, booking-organisation / practitioner-role / delivery-channel / cancellation-reason extensions, slot type in
/// serviceType.text and schedule type in serviceCategory.text (#912), participants (patient, location, practitioner).
/// </summary>
internal sealed class AppointmentMapper(SpecRelease release, ActiveFaults faults)
{
    /// <summary>The resource as the provider sends it (fault decorations applied).</summary>
    public JsonObject Appointment(PracticeAppointment a) => faults.Decorate(Plain(a));

    /// <summary>The resource without fault decorations: what an unchanged echo from a consumer must equal.</summary>
    public JsonObject Plain(PracticeAppointment a)
    {
        var appointment = new JsonObject
        {
            ["resourceType"] = "Appointment",
            ["id"] = a.Id,
            ["meta"] = new JsonObject { ["versionId"] = a.VersionId, ["profile"] = new JsonArray(Profiles.Appointment) },
        };
        var extensions = new JsonArray();
        if (a.BookedBy is { } org)
        {
            var contained = new JsonObject
            {
                ["resourceType"] = "Organization",
                ["id"] = "1",
                ["meta"] = new JsonObject { ["profile"] = new JsonArray(Profiles.Organization) },
                ["identifier"] = new JsonArray(new JsonObject { ["system"] = Systems.OdsOrganizationCode, ["value"] = org.OdsCode }),
            };
            if (org.OrganisationType is not null)
                contained["type"] = new JsonArray(new JsonObject
                {
                    ["coding"] = new JsonArray(new JsonObject { ["system"] = Systems.OrganisationType, ["code"] = org.OrganisationType }),
                });
            contained["name"] = org.Name;
            contained["telecom"] = new JsonArray(new JsonObject { ["system"] = "phone", ["value"] = org.Telephone });
            appointment["contained"] = new JsonArray(contained);
            extensions.Add(new JsonObject { ["url"] = AppointmentExtensions.BookingOrganisation, ["valueReference"] = new JsonObject { ["reference"] = "#1" } });
        }
        extensions.Add(new JsonObject
        {
            ["url"] = Profiles.PractitionerRoleExtension,
            ["valueCodeableConcept"] = new JsonObject
            {
                ["coding"] = new JsonArray(new JsonObject { ["system"] = Systems.SdsJobRoleName, ["code"] = a.Role.Code, ["display"] = a.Role.Display }),
            },
        });
        extensions.Add(new JsonObject { ["url"] = Profiles.DeliveryChannelExtension, ["valueCode"] = a.DeliveryChannel });
        if (a.CancellationReason is not null)
            extensions.Add(new JsonObject { ["url"] = AppointmentExtensions.CancellationReason, ["valueString"] = a.CancellationReason });
        appointment["extension"] = extensions;
        appointment["identifier"] = new JsonArray(new JsonObject { ["system"] = AppointmentExtensions.PracticeAppointmentIdSystem, ["value"] = $"APT-{a.Id}" });
        appointment["status"] = a.Status;
        if (release.PopulatesSlotAndScheduleTypes)
        {
            if (a.ScheduleType is not null) appointment["serviceCategory"] = new JsonObject { ["text"] = a.ScheduleType };
            appointment["serviceType"] = new JsonArray(new JsonObject { ["text"] = a.SlotType });
        }
        appointment["description"] = a.Description;
        appointment["start"] = UkDateTime.Format(a.Start);
        appointment["end"] = UkDateTime.Format(a.End);
        appointment["slot"] = new JsonArray(a.SlotIds.Select(id => (JsonNode?)new JsonObject { ["reference"] = $"Slot/{id}" }).ToArray());
        appointment["created"] = UkDateTime.Format(a.Created);
        if (a.Comment is not null) appointment["comment"] = a.Comment;
        var participants = new JsonArray(Participant("Patient", a.PatientId), Participant("Location", a.LocationId));
        if (a.PractitionerId is not null) participants.Add(Participant("Practitioner", a.PractitionerId));
        appointment["participant"] = participants;
        return appointment;
    }

    private static JsonObject Participant(string type, string id) => new()
    {
        ["actor"] = new JsonObject { ["reference"] = $"{type}/{id}" },
        ["status"] = "accepted",
    };
}
