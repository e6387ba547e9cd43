using Reqnroll;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Fhir;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Checks;
using GpConnect.Conformance.Specs.Checks.Foundations;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Foundations;

namespace GpConnect.Conformance.Specs.Steps.Foundations;

/// <summary>Then steps about the Foundations resources a response returns.</summary>
[Binding]
public sealed class FoundationsResponseSteps(ConsumerSession session, FoundationsScenario scenario, ConformanceSettings settings, ConformanceScenario context)
{
    private ElementNode Returned(string kind)
    {
        FoundationsChecks.Returned(session.LastResponse, FoundationsRequests.ResourceTypeOf(kind), out var resource).ThrowIfFailed();
        return resource!;
    }

    [Then(@"^the searchset Bundle should hold no entries$")]
    public void Empty() => FoundationsChecks.Empty(session.LastResponse).ThrowIfFailed();

    [Then(@"^the searchset Bundle should hold exactly one (patient|practitioner|organisation)$")]
    public void ExactlyOne(string kind) => FoundationsChecks.EntryCount(session.LastResponse, FoundationsRequests.ResourceTypeOf(kind), 1).ThrowIfFailed();

    [Then(@"^the returned (patient|practitioner|organisation|location) should declare its GP Connect profile and a version$")]
    public void ProfileAndVersion(string kind) => FoundationsChecks.ProfileAndVersion(Returned(kind)).ThrowIfFailed();

    [Then(@"^the returned (patient|practitioner|organisation|location) should be the one requested$")]
    public void IdRequested(string kind) => FoundationsChecks.IdIs(Returned(kind), scenario.Value("logicalId")).ThrowIfFailed();

    [Then(@"^the ETag header should carry the returned (patient|practitioner|organisation|location)'s version$")]
    public void ETag(string kind) => FoundationsChecks.ETag(session.LastResponse, Returned(kind)).ThrowIfFailed();

    [Then(@"^the returned (patient|practitioner|organisation|location) should have none of these elements: (.+)$")]
    public void NoneOf(string kind, string elements) =>
        FoundationsChecks.NoneOf(Returned(kind), elements.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), "must-not-populate").ThrowIfFailed();

    [Then(@"^the returned practitioner should carry the SDS user id searched for$")]
    public void SdsUserId() =>
        FoundationsChecks.Identifier(Returned("practitioner"), FoundationsRequests.SdsUserIdSystem, scenario.Value("sdsUserId"), "FND-127 SDS user id").ThrowIfFailed();

    [Then(@"^the returned practitioner should carry as many SDS role profile ids as the provider holds$")]
    public void RoleProfiles()
    {
        var expected = int.TryParse(scenario.Value("roleProfileCount"), out var n) ? n
            : throw new InvalidOperationException($"testData role {scenario.RoleId} roleProfileCount must be a whole number, not \"{scenario.Value("roleProfileCount")}\".");
        FoundationsChecks.IdentifierCount(Returned("practitioner"), "https://fhir.nhs.uk/Id/sds-role-profile-id", expected, "FND-128 role profiles").ThrowIfFailed();
    }

    [Then(@"^the returned practitioner's language should be coded from CareConnect-HumanLanguage-1$")]
    public void PractitionerLanguage() => FoundationsChecks.CodedLanguage(Returned("practitioner"), "FND-131 nhsCommunication").ThrowIfFailed();

    [Then(@"^the returned organisation should carry the ODS code searched for$")]
    public void OdsCode() =>
        FoundationsChecks.Identifier(Returned("organisation"), FoundationsRequests.OdsCodeSystem, scenario.Value("odsCode"), "FND-142 ODS code").ThrowIfFailed();

    [Then(@"^the returned location should have a single address$")]
    public void SingleAddress() => FoundationsChecks.SingleAddress(Returned("location")).ThrowIfFailed();

    [Then(@"^the returned (patient|location) should be managed by the practice addressed$")]
    public async Task ManagedByPractice(string kind)
    {
        var resource = Returned(kind);
        FoundationsChecks.RelativeReference(resource, "managingOrganization", "Organization", "FND-039 managingOrganization", out var id).ThrowIfFailed();
        await session.SendAsync(FoundationsRequests.Read("organisation", id!), context.CancellationToken);
        ResponseChecks.Status(session.LastResponse, 200).ThrowIfFailed();
        FoundationsChecks.Identifier(Returned("organisation"), FoundationsRequests.OdsCodeSystem, settings.Provider.OdsCode, "FND-039 managing organisation ODS code").ThrowIfFailed();
    }

    [Then(@"^the returned patient should carry the NHS number, marked verified$")]
    public void NhsNumber() => PatientChecks.NhsNumber(Returned("patient"), NhsNumberOfScenario()).ThrowIfFailed();

    [Then(@"^the returned patient should have exactly one official name$")]
    public void OfficialName() => PatientChecks.OfficialName(Returned("patient")).ThrowIfFailed();

    [Then(@"^the returned patient should have a birth date and a gender$")]
    public void BirthDateAndGender() => PatientChecks.BirthDateAndGender(Returned("patient")).ThrowIfFailed();

    [Then(@"^the returned patient's preferred branch surgery should be a location the provider can read$")]
    public async Task PreferredBranch()
    {
        PatientChecks.PreferredBranch(Returned("patient"), out var locationId).ThrowIfFailed();
        await session.SendAsync(FoundationsRequests.Read("location", locationId!), context.CancellationToken);
        ResponseChecks.Status(session.LastResponse, 200).ThrowIfFailed();
        Returned("location");
    }

    [Then(@"^the returned patient should have a home address and a telephone number$")]
    public void AddressAndTelecom() => PatientChecks.AddressAndTelecom(Returned("patient")).ThrowIfFailed();

    [Then(@"^finding the patient again should return the same version$")]
    public async Task SameVersionAgain()
    {
        var first = Returned("patient");
        await session.SendAsync(FoundationsRequests.Find("patient", NhsNumberOfScenario()), context.CancellationToken);
        FoundationsChecks.SameVersion(first, Returned("patient")).ThrowIfFailed();
    }

    [Then(@"^the patient read should have the version Find returned$")]
    public void SameVersionAsFound() =>
        FoundationsChecks.SameVersion(scenario.LastPatientFound
            ?? throw new InvalidOperationException("No patient was found before the read: use \"the consumer reads the patient returned\" after a Find."),
            Returned("patient")).ThrowIfFailed();

    [Then(@"^the returned patient's contacts should give the relationship in text only$")]
    public void Contacts() => PatientChecks.Contacts(Returned("patient")).ThrowIfFailed();

    [Then(@"^the returned patient's language should be coded with the interpreter need$")]
    public void Language() => PatientChecks.Language(Returned("patient")).ThrowIfFailed();

    [Then(@"^the returned patient's language display should be the ISO 639-2 text #643 requires$")]
    public void CorrectedLanguageDisplay() => PatientChecks.CorrectedLanguageDisplay(Returned("patient")).ThrowIfFailed();

    [Then(@"^the returned patient should carry none of the data Foundations excludes$")]
    public void NoExcludedData() => FoundationsChecks.NoneOf(Returned("patient"), PatientChecks.ExcludedElements, "FND-045 excluded data").ThrowIfFailed();

    [Then(@"^the returned patient should have a temporary registration$")]
    public void Temporary() => PatientChecks.TemporaryRegistration(Returned("patient")).ThrowIfFailed();

    [Then(@"^the returned patient should carry the demographics sent$")]
    public void DemographicsSent() => PatientChecks.DemographicsSent(Returned("patient"), scenario.CurrentRegistration).ThrowIfFailed();

    [Then(@"^the returned patient should be the one registered$")]
    public void SameAsRegistered() => FoundationsChecks.IdIs(Returned("patient"), scenario.LastPatientId ?? "").ThrowIfFailed();

    [Then(@"^the returned patient should keep the id of the practice's earlier record$")]
    public void SameAsEarlierRecord() => FoundationsChecks.IdIs(Returned("patient"), scenario.Value("logicalId")).ThrowIfFailed();

    [Then(@"^the response Bundle should declare the GPConnect-Searchset-Bundle-1 profile$")]
    public void RegisterBundleProfile()
    {
        var check = BundleChecks.Searchset(session.LastResponse);
        if (check.Passed && !session.LastResponse.Resource!.Select("meta.profile").Any(p => p.Value == RegisterBundleProfileUrl))
            check.Fail("FND-081 Bundle.meta.profile", "Bundle.meta.profile", RegisterBundleProfileUrl,
                string.Join(", ", session.LastResponse.Resource!.Select("meta.profile").Select(p => p.Value)) is { Length: > 0 } p ? p : "absent",
                "The Register a patient response Bundle must declare meta.profile GPConnect-Searchset-Bundle-1.");
        check.ThrowIfFailed();
    }

    private const string RegisterBundleProfileUrl = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Searchset-Bundle-1";

    private string NhsNumberOfScenario() =>
        scenario.Registration?.NhsNumber ?? scenario.Value("nhsNumber");
}
