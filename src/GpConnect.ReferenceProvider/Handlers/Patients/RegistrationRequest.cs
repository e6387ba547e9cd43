using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Pipeline;
using GpConnect.ReferenceProvider.Practice;
using GpConnect.ReferenceProvider.Practice.Patients;

namespace GpConnect.ReferenceProvider.Handlers.Patients;

/// <summary>
/// The Patient a Register a patient request carries, read from its Parameters body and checked against the rules of
/// spec: Register a patient: one <c>registerPatient</c> parameter holding a Patient with <c>meta.profile</c> (#697), the NHS
/// number, exactly one official name with family and given, a birth date, at most one home and one temp address, one
/// phone per use, one email, one nhsCommunication and nothing else. Broken rules → 422 INVALID_RESOURCE; a malformed
/// body → 400 BAD_REQUEST; a structurally invalid NHS number → 400 INVALID_NHS_NUMBER.
/// </summary>
internal sealed record RegistrationRequest(
    string NhsNumber, PersonName? Name, DateOnly? BirthDate, string? Gender,
    IReadOnlyList<PatientAddress> Addresses, IReadOnlyList<PatientTelecom> Telecoms, PatientLanguage? Language)
{
    private static readonly string[] ForbiddenElements =
    [
        "active", "deceasedBoolean", "deceasedDateTime", "maritalStatus", "multipleBirthBoolean", "multipleBirthInteger",
        "photo", "contact", "communication", "generalPractitioner", "managingOrganization", "animal", "link",
    ];

    /// <summary>The forbidden elements a provider with the fault register-accepts-forbidden-elements still refuses.</summary>
    private static readonly string[] FirstDraftForbiddenElements = ["active", "maritalStatus", "generalPractitioner", "managingOrganization"];

    public static RegistrationRequest Parse(string? body, string? contentType, ActiveFaults faults)
    {
        var validate = !faults.Waives(ProviderRule.RegisterValidatesPatient);
        // The divergence NHS assurance expects: these request errors are 400 (INVALID_NHS_NUMBER / BAD_REQUEST), not 422.
        var assurance = faults.Waives(ProviderRule.RegisterRequestErrorsAreInvalidResource);
        ProviderException RequestError(string diagnostics, SpineError? assuranceError = null) =>
            assurance ? new ProviderException(assuranceError ?? SpineError.BadRequest, diagnostics) : Invalid(diagnostics);
        var checkTypes = !faults.Waives(ProviderRule.RegisterChecksResourceTypes);
        var patient = RegisteredPatient(ReadBody(body, contentType, faults), validate, checkTypes, RequestError);
        var profiles = (patient["meta"]?["profile"] as JsonArray)?.Select(p => p?.GetValue<string>()).ToList() ?? [];
        if (!profiles.Contains(Profiles.Patient) && !faults.Waives(ProviderRule.RegisterRequiresMetaProfile))
            throw Invalid($"The Patient must declare meta.profile {Profiles.Patient} (#697).");

        var nhsIdentifiers = Array(patient, "identifier").Where(i => Text(i, "system") == Systems.NhsNumber).ToList();
        if (nhsIdentifiers.Count != 1)
            throw validate ? RequestError("The Patient must carry exactly one NHS number identifier.", PatientErrors.InvalidNhsNumber) : new ProviderException(PatientErrors.InvalidNhsNumber, "No NHS number.");
        var nhsNumber = Text(nhsIdentifiers[0], "value") ?? "";
        if (validate && !Practice.Patients.NhsNumber.IsValid(nhsNumber))
            throw new ProviderException(PatientErrors.InvalidNhsNumber, $"'{nhsNumber}' is not a valid NHS number.");

        if (validate && !faults.Waives(ProviderRule.RegisterRefusesIdentifierWithoutSystem)
            && Array(patient, "identifier").Any(i => string.IsNullOrEmpty(Text(i, "system"))))
            throw RequestError("Every Patient.identifier must carry a system (identifier.system is 1..1 in CareConnect-GPC-Patient-1).", SpineError.BadRequest);

        if (validate)
        {
            var everyElement = !faults.Waives(ProviderRule.RegisterRefusesEveryForbiddenElement);
            foreach (var element in everyElement ? ForbiddenElements : FirstDraftForbiddenElements)
                if (patient.ContainsKey(element)) throw Invalid($"Patient.{element} must not be sent when registering a patient.");
            var extensions = Array(patient, "extension").ToList();
            if (everyElement && extensions.Any(e => Text(e, "url") != PatientResource.NhsCommunicationUrl))
                throw Invalid("The only extension a registration may carry is nhsCommunication.");
            if (extensions.Count(e => Text(e, "url") == PatientResource.NhsCommunicationUrl) > 1) throw Invalid("At most one nhsCommunication extension may be sent.");
        }

        var officialNames = Array(patient, "name").Where(n => Text(n, "use") == "official").ToList();
        PersonName? name = null;
        if (officialNames.Count == 1 && Text(officialNames[0], "family") is { Length: > 0 } family && Strings(officialNames[0], "given") is { Count: > 0 } given)
            name = new PersonName(family, given, Strings(officialNames[0], "prefix"));
        else if (validate)
            throw RequestError("The Patient must carry exactly one official name with a family and a given name.");

        DateOnly? birthDate = null;
        if (DateOnly.TryParseExact(Text(patient, "birthDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)) birthDate = born;
        else if (validate) throw RequestError("The Patient must carry a birthDate (yyyy-mm-dd).");

        var addresses = Array(patient, "address").Select(a => new PatientAddress(Text(a, "use") ?? "",
            new PostalAddress(Strings(a, "line"), Text(a, "city") ?? "", Text(a, "district") ?? "", Text(a, "postalCode") ?? ""))).ToList();
        var telecoms = Array(patient, "telecom").Select(t => new PatientTelecom(Text(t, "system") ?? "", Text(t, "value") ?? "", Text(t, "use") ?? "")).ToList();
        if (validate) CheckRepeats(addresses, telecoms, RequestError);

        PatientLanguage? language = null;
        if (Array(patient, "extension").FirstOrDefault(e => Text(e, "url") == PatientResource.NhsCommunicationUrl) is { } communication)
        {
            var parts = Array(communication, "extension").ToList();
            var coding = parts.FirstOrDefault(p => Text(p, "url") == "language")?["valueCodeableConcept"]?["coding"]?[0];
            var interpreter = parts.FirstOrDefault(p => Text(p, "url") == "interpreterRequired")?["valueBoolean"];
            if (coding?["code"]?.GetValue<string>() is { } code)
                language = new PatientLanguage(code, coding["display"]?.GetValue<string>() ?? code, interpreter?.GetValue<bool>());
            else if (validate) throw Invalid("nhsCommunication must carry a coded language.");
        }
        return new RegistrationRequest(nhsNumber, name, birthDate, Text(patient, "gender"), addresses, telecoms, language);
    }

    /// <summary>The Patient of the one registerPatient parameter (without validation: the first Patient found, even a bare one).</summary>
    private static JsonObject RegisteredPatient(JsonObject body, bool validate, bool checkTypes, Func<string, SpineError?, ProviderException> requestError)
    {
        if (!validate && body["resourceType"]?.GetValue<string>() == "Patient") return body;
        // With the fault register-ignores-resource-types the body and the parameter resource are read whatever they call themselves.
        if (!checkTypes && body["parameter"] is JsonArray { Count: > 0 } parameters && parameters[0]?["resource"] is JsonObject anyResource) return anyResource;
        if (body["resourceType"]?.GetValue<string>() != "Parameters")
            throw Invalid($"The body must be a Parameters resource, not '{body["resourceType"]}'.");
        var entries = body["parameter"] as JsonArray ?? [];
        var named = entries.OfType<JsonObject>().Where(p => p["name"]?.GetValue<string>() == "registerPatient").ToList();
        if (validate && (named.Count != 1 || entries.Count != 1))
            throw requestError($"Parameters must hold exactly one 'registerPatient' parameter (found {named.Count} of {entries.Count}).", null);
        if (named.FirstOrDefault()?["resource"] is not JsonObject patient || patient["resourceType"]?.GetValue<string>() != "Patient")
            throw Invalid("The registerPatient parameter must carry a Patient resource.");
        return patient;
    }

    private static void CheckRepeats(IReadOnlyList<PatientAddress> addresses, IReadOnlyList<PatientTelecom> telecoms, Func<string, SpineError?, ProviderException> requestError)
    {
        if (addresses.Any(a => a.Use is not ("home" or "temp")))
            throw Invalid("Only home and temp addresses may be sent.");
        if (addresses.GroupBy(a => a.Use).Any(g => g.Count() > 1))
            throw Invalid("At most one home and one temp address may be sent.");
        if (telecoms.Any(t => t.System is not ("phone" or "email") || (t.System == "phone" && t.Use is not ("home" or "work" or "mobile" or "temp"))))
            throw Invalid("Only phone (home, work, mobile, temp) and email telecoms may be sent.");
        if (telecoms.Count(t => t.System == "email") > 1 || telecoms.Where(t => t.System == "phone").GroupBy(t => t.Use).Any(g => g.Count() > 1))
            throw requestError("At most one phone of each use and one email may be sent.", null);
    }

    private static JsonObject ReadBody(string? body, string? contentType, ActiveFaults faults)
    {
        if (string.IsNullOrWhiteSpace(body)) throw ProviderException.BadRequest("The request has no body.");
        try
        {
            if (contentType is not null && FormatNegotiator.FromMediaType(contentType) == FhirFormat.Xml) return FhirXmlReader.Read(body);
            return JsonNode.Parse(body) as JsonObject ?? throw ProviderException.BadRequest("The body is not a JSON object.");
        }
        catch (Exception e) when ((e is JsonException or System.Xml.XmlException or FormatException or InvalidOperationException)
                                  && !faults.Waives(ProviderRule.RegisterRefusesMalformedBody))
        {
            throw ProviderException.BadRequest($"The body is not well-formed FHIR: {e.Message}");
        }
    }

    private static ProviderException Invalid(string diagnostics) => new(SpineError.InvalidResource, diagnostics);

    private static IEnumerable<JsonObject> Array(JsonObject node, string name) => (node[name] as JsonArray)?.OfType<JsonObject>() ?? [];

    private static string? Text(JsonObject node, string name) => node[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static IReadOnlyList<string> Strings(JsonObject node, string name) =>
        (node[name] as JsonArray)?.Select(v => v is JsonValue value && value.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList() ?? [];
}
