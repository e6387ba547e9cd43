namespace GpConnect.Conformance.Fhir.Tests.Support;

/// <summary>Small resources built in code, valid against their GP Connect profiles.</summary>
internal static class Fixtures
{
    public const string SlotProfile = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Slot-1";

    public const string SlotJson = """
    {
      "resourceType": "Slot",
      "id": "1584",
      "meta": { "versionId": "1", "profile": [ "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Slot-1" ] },
      "extension": [
        { "url": "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-DeliveryChannel-2", "valueCode": "In-person" }
      ],
      "serviceType": [ { "text": "General GP Appointment" } ],
      "schedule": { "reference": "Schedule/14" },
      "status": "free",
      "start": "2016-08-15T11:30:00+01:00",
      "end": "2016-08-15T11:40:00+01:00"
    }
    """;

    public const string SlotXml = """
    <Slot xmlns="http://hl7.org/fhir">
      <id value="1584"/>
      <meta>
        <versionId value="1"/>
        <profile value="https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Slot-1"/>
      </meta>
      <extension url="https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-DeliveryChannel-2">
        <valueCode value="In-person"/>
      </extension>
      <serviceType>
        <text value="General GP Appointment"/>
      </serviceType>
      <schedule>
        <reference value="Schedule/14"/>
      </schedule>
      <status value="free"/>
      <start value="2016-08-15T11:30:00+01:00"/>
      <end value="2016-08-15T11:40:00+01:00"/>
    </Slot>
    """;

    public const string ScheduleJson = """
    {
      "resourceType": "Schedule",
      "id": "14",
      "meta": { "profile": [ "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Schedule-1" ] },
      "extension": [ {
        "url": "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-PractitionerRole-1",
        "valueCodeableConcept": { "coding": [ { "system": "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1", "code": "R0260", "display": "General Medical Practitioner" } ] }
      } ],
      "serviceCategory": { "text": "Morning clinic" },
      "actor": [ { "reference": "Practitioner/2" }, { "reference": "Location/17" } ],
      "planningHorizon": { "start": "2016-08-15T09:00:00+01:00", "end": "2016-08-15T12:00:00+01:00" }
    }
    """;

    public const string PatientJson = """
    {
      "resourceType": "Patient",
      "id": "2",
      "meta": { "versionId": "1", "profile": [ "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Patient-1" ] },
      "extension": [
        { "url": "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-RegistrationDetails-1",
          "extension": [ { "url": "preferredBranchSurgery", "valueReference": { "reference": "Location/1" } } ] },
        { "url": "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-NHSCommunication-1",
          "extension": [
            { "url": "language", "valueCodeableConcept": { "coding": [ { "system": "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-HumanLanguage-1", "code": "ro", "display": "Romanian; Moldavian; Moldovan" } ] } },
            { "url": "interpreterRequired", "valueBoolean": false } ] }
      ],
      "identifier": [ {
        "extension": [ { "url": "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-NHSNumberVerificationStatus-1",
          "valueCodeableConcept": { "coding": [ { "system": "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1", "code": "01", "display": "Number present and verified" } ] } } ],
        "system": "https://fhir.nhs.uk/Id/nhs-number",
        "value": "9476719931"
      } ],
      "name": [ { "use": "official", "family": "Jackson", "given": [ "Jane" ] } ],
      "gender": "female",
      "birthDate": "1952-05-31",
      "managingOrganization": { "reference": "Organization/1" }
    }
    """;

    public const string OperationOutcomeJson = """
    {
      "resourceType": "OperationOutcome",
      "meta": { "profile": [ "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1" ] },
      "issue": [ {
        "severity": "error",
        "code": "not-found",
        "details": { "coding": [ { "system": "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1", "code": "NO_RECORD_FOUND", "display": "No record found" } ] },
        "diagnostics": "No record found for the NHS number"
      } ]
    }
    """;

    public const string EmptySearchsetJson = """
    {
      "resourceType": "Bundle",
      "meta": { "profile": [ "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Searchset-Bundle-1" ] },
      "type": "searchset"
    }
    """;

    /// <summary>A booked appointment with its contained booking Organization (referenced from the BookingOrganisation extension).</summary>
    public const string AppointmentJson = """
    {
      "resourceType": "Appointment",
      "id": "7",
      "meta": { "versionId": "1", "profile": [ "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1" ] },
      "contained": [ { "resourceType": "Organization", "id": "1", "meta": { "profile": [ "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Organization-1" ] }, "name": "Booking org" } ],
      "extension": [ { "url": "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-BookingOrganisation-1", "valueReference": { "reference": "#1" } } ],
      "status": "booked",
      "description": "d",
      "start": "2016-08-15T11:30:00+01:00",
      "end": "2016-08-15T11:40:00+01:00",
      "slot": [ { "reference": "Slot/1" } ],
      "created": "2016-08-01T10:00:00+01:00",
      "participant": [ { "actor": { "reference": "Patient/2" }, "status": "accepted" } ]
    }
    """;

    public const string LocationJson = """
    {
      "resourceType": "Location",
      "id": "17",
      "meta": { "profile": [ "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Location-1" ] },
      "name": "The Trevelyan Practice",
      "physicalType": { "coding": [ { "system": "http://snomed.info/sct", "code": "264362003", "display": "Health centre" } ] }
    }
    """;

    public const string ParametersJson = """
    {
      "resourceType": "Parameters",
      "parameter": [ { "name": "registerPatient", "resource": { "resourceType": "Basic", "id": "9", "code": { "text": "x" } } } ]
    }
    """;

    /// <summary>The fixture of the given short name (slot, schedule, patient, outcome, searchset, appointment, location, parameters).</summary>
    public static string Named(string name) => name switch
    {
        "slot" => SlotJson,
        "schedule" => ScheduleJson,
        "patient" => PatientJson,
        "outcome" => OperationOutcomeJson,
        "searchset" => EmptySearchsetJson,
        "appointment" => AppointmentJson,
        "location" => LocationJson,
        "parameters" => ParametersJson,
        _ => throw new ArgumentException($"no fixture named {name}", nameof(name)),
    };

    public const string BundleJson = """
    {
      "resourceType": "Bundle",
      "meta": { "profile": [ "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Searchset-Bundle-1" ] },
      "type": "searchset",
      "entry": [
        { "resource": { "resourceType": "Schedule", "id": "14", "meta": { "profile": [ "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Schedule-1" ] },
            "actor": [ { "reference": "Location/17" } ] } },
        { "resource": { "resourceType": "Slot", "id": "1", "meta": { "profile": [ "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Slot-1" ] },
            "serviceType": [ { "text": "A" } ], "schedule": { "reference": "Schedule/14" }, "status": "free",
            "start": "2016-08-15T11:30:00+01:00", "end": "2016-08-15T11:40:00+01:00" } },
        { "resource": { "resourceType": "Slot", "id": "2", "meta": { "profile": [ "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Slot-1" ] },
            "serviceType": [ { "text": "B" }, { "text": "C" } ], "schedule": { "reference": "Schedule/14" }, "status": "free",
            "start": "2016-08-15T11:40:00+01:00", "end": "2016-08-15T11:50:00+01:00" } }
      ]
    }
    """;

    public static ElementNode Parse(string text, FhirFormat? format = null)
    {
        var result = FhirParser.Parse(text, format);
        Assert.True(result.Success, "fixture should parse: " + string.Join("; ", result.Findings));
        return result.Root!;
    }
}
