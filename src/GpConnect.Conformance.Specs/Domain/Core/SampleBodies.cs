using System.Globalization;

namespace GpConnect.Conformance.Specs.Domain.Core;

/// <summary>The two FHIR wire formats (spec: FHIR API guidance: content types).</summary>
public enum FhirWireFormat { Json, Xml }

/// <summary>
/// Small, well-formed request bodies for the write interactions, in JSON or XML, used where a Core scenario needs a body
/// but not a booking or registration to succeed (the slot and NHS number refer to nothing the provider holds).
/// </summary>
public static class SampleBodies
{
    /// <summary>The FHIR media type with charset for a request body in <paramref name="format"/>.</summary>
    public static string ContentType(FhirWireFormat format) =>
        format == FhirWireFormat.Xml ? "application/fhir+xml;charset=utf-8" : "application/fhir+json;charset=utf-8";

    /// <summary>An Appointment booking tomorrow 09:00–09:10 UK time on a slot id that does not exist.</summary>
    public static string Appointment(FhirWireFormat format, TimeProvider clock)
    {
        var day = UkTime.Today(clock).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var start = $"{day}T09:00:00+00:00";
        var end = $"{day}T09:10:00+00:00";
        const string profile = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1";
        return format == FhirWireFormat.Xml
            ? $"""<Appointment xmlns="http://hl7.org/fhir"><meta><profile value="{profile}"/></meta><status value="booked"/><start value="{start}"/><end value="{end}"/><slot><reference value="Slot/{RepresentativeRequests.UnknownId}"/></slot><participant><actor><reference value="Patient/{RepresentativeRequests.UnknownId}"/></actor><status value="accepted"/></participant></Appointment>"""
            : $$"""{"resourceType":"Appointment","meta":{"profile":["{{profile}}"]},"status":"booked","start":"{{start}}","end":"{{end}}","slot":[{"reference":"Slot/{{RepresentativeRequests.UnknownId}}"}],"participant":[{"actor":{"reference":"Patient/{{RepresentativeRequests.UnknownId}}"},"status":"accepted"}]}""";
    }

    /// <summary>A Register a patient Parameters body with a structurally valid NHS number no provider should hold.</summary>
    public static string RegisterPatientParameters(FhirWireFormat format)
    {
        const string profile = "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Patient-1";
        const string nhsNumber = "9999999999";
        return format == FhirWireFormat.Xml
            ? $"""<Parameters xmlns="http://hl7.org/fhir"><parameter><name value="registerPatient"/><resource><Patient><meta><profile value="{profile}"/></meta><identifier><system value="https://fhir.nhs.uk/Id/nhs-number"/><value value="{nhsNumber}"/></identifier><name><use value="official"/><family value="Conformance"/><given value="Test"/></name><gender value="unknown"/><birthDate value="1970-01-01"/></Patient></resource></parameter></Parameters>"""
            : $$$"""{"resourceType":"Parameters","parameter":[{"name":"registerPatient","resource":{"resourceType":"Patient","meta":{"profile":["{{{profile}}}"]},"identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"{{{nhsNumber}}}"}],"name":[{"use":"official","family":"Conformance","given":["Test"]}],"gender":"unknown","birthDate":"1970-01-01"}}]}""";
    }
}
