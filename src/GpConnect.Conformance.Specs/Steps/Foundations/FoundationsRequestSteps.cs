using Reqnroll;
using GpConnect.Conformance.Client;
using GpConnect.Conformance.Client.Configuration;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Checks.Foundations;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Foundations;

namespace GpConnect.Conformance.Specs.Steps.Foundations;

/// <summary>When steps of the Foundations use cases: Find, Read and Register, for the test data the scenario chose.</summary>
[Binding]
public sealed class FoundationsRequestSteps(ConsumerSession session, FoundationsScenario scenario, ConformanceSettings settings, ConformanceScenario context)
{
    private static readonly IReadOnlyDictionary<string, string> SearchField = new Dictionary<string, string>
    {
        ["patient"] = "nhsNumber", ["practitioner"] = "sdsUserId", ["organisation"] = "odsCode",
    };

    [When(@"^the consumer finds the (patient|practitioner|organisation) by (?:NHS number|SDS user id|ODS code)$")]
    public Task Find(string kind) => session.SendAsync(FoundationsRequests.Find(kind, scenario.Value(SearchField[kind])), context.CancellationToken);

    [When(@"^the consumer finds the (patient|practitioner|organisation) by (?:NHS number|SDS user id|ODS code) sent twice$")]
    public Task FindTwice(string kind)
    {
        var value = scenario.Value(SearchField[kind]);
        var system = FoundationsRequests.SystemFor(kind);
        return session.SendAsync(FoundationsRequests.Find(kind, value).AddQuery("identifier", $"{system}|{value}"), context.CancellationToken);
    }

    [When(@"^the consumer finds the (patient|practitioner|organisation) by (?:NHS number|SDS user id|ODS code) with the extra parameter ""([^""=]+)=([^""]*)""$")]
    public Task FindWithExtraParameter(string kind, string name, string value) =>
        session.SendAsync(FoundationsRequests.Find(kind, scenario.Value(SearchField[kind])).AddQuery(name, value), context.CancellationToken);

    [When(@"^the consumer finds the (patient|practitioner|organisation) by (?:NHS number|SDS user id|ODS code) in a parameter named ""([^""]+)""$")]
    public Task FindWithParameterName(string kind, string name) =>
        session.SendAsync(new GpConnectRequest(FoundationsRequests.FindInteraction(kind))
            .AddQuery(name, $"{FoundationsRequests.SystemFor(kind)}|{scenario.Value(SearchField[kind])}"), context.CancellationToken);

    [When(@"^the consumer finds an? (patient|practitioner|organisation) with the identifier ""([^""]*)""$")]
    public Task FindWithToken(string kind, string token) => session.SendAsync(FoundationsRequests.FindWithToken(kind, token), context.CancellationToken);

    [When(@"^the consumer finds an? (patient|practitioner|organisation) without an identifier$")]
    public Task FindWithoutIdentifier(string kind) => session.SendAsync(FoundationsRequests.FindWithoutIdentifier(kind), context.CancellationToken);

    [When(@"^the consumer reads the (patient|practitioner|organisation|location)$")]
    public Task Read(string kind) => session.SendAsync(FoundationsRequests.Read(kind, scenario.Value("logicalId")), context.CancellationToken);

    [When(@"^the consumer reads an? (patient|practitioner|organisation|location) with an id the provider does not hold$")]
    public Task ReadUnknown(string kind) => session.SendAsync(FoundationsRequests.Read(kind, FoundationsRequests.UnknownId()), context.CancellationToken);

    [When(@"^the consumer reads the patient returned$")]
    public Task ReadReturnedPatient()
    {
        FoundationsChecks.Returned(session.LastResponse, "Patient", out var patient).ThrowIfFailed();
        scenario.LastPatientId = patient!.SelectValue("id");
        scenario.LastPatientFound = patient;
        return session.SendAsync(FoundationsRequests.Read("patient", scenario.LastPatientId ?? ""), context.CancellationToken);
    }

    [Given(@"^the registration (" + RegistrationChanges.Phrases + ")$")]
    public void ChangeRegistration(string change) => scenario.CurrentRegistration.Change(change);

    [When(@"^the consumer registers the patient$")]
    public Task Register() => SendRegistration(scenario.CurrentRegistration);

    [When(@"^the consumer registers the patient with the NHS number ""([^""]*)""$")]
    public Task RegisterWithNhsNumber(string nhsNumber) => SendRegistration(scenario.StartRegistration(nhsNumber));

    [When(@"^the consumer sends a registration whose body is ""([^""]*)""$")]
    public Task RegisterRawBody(string body)
    {
        RequireWrites();
        return session.SendAsync(new GpConnectRequest(Interactions.RegisterPatient).WithBody(body), context.CancellationToken);
    }

    [When(@"^the consumer registers the patient again$")]
    public Task RegisterAgain()
    {
        RequireWrites();
        FoundationsChecks.Returned(session.LastResponse, "Patient", out var patient).ThrowIfFailed();
        scenario.LastPatientId = patient!.SelectValue("id");
        return session.SendAsync(FoundationsRequests.Register(scenario.CurrentRegistration), context.CancellationToken);
    }

    /// <summary>Registering creates records at the provider: only when config provider:allowWrites is true.</summary>
    private void RequireWrites()
    {
        if (!settings.Provider.AllowWrites)
            throw new ScenarioSkippedException(
                $"This scenario registers a patient, and provider:allowWrites is false in {settings.SourceFile}: set it to true only for a target whose test patients may be registered.");
    }

    private async Task SendRegistration(PatientRegistration registration)
    {
        RequireWrites();
        var response = await session.SendAsync(FoundationsRequests.Register(registration), context.CancellationToken);
        scenario.RegistrationAnswered(response.StatusCode is 200 or 201);
    }

    [When(@"^the consumer finds the registered patient by NHS number$")]
    public Task FindRegistered()
    {
        FoundationsChecks.Returned(session.LastResponse, "Patient", out var patient).ThrowIfFailed();
        scenario.LastPatientId = patient!.SelectValue("id");
        return session.SendAsync(FoundationsRequests.Find("patient", scenario.CurrentRegistration.NhsNumber), context.CancellationToken);
    }
}

/// <summary>The scenario wording of the registration changes (<see cref="PatientRegistration.Changes"/>), as one regex alternation.</summary>
internal static class RegistrationChanges
{
    public const string Phrases =
        "omits meta\\.profile|omits the NHS number|omits the birth date|omits the official name|has an official name without a family name|" +
        "has two official names|has two home addresses|has a work address|has two home phone numbers|has two email addresses|" +
        "has two nhsCommunication extensions|sets active|sets maritalStatus|sets managingOrganization|sets generalPractitioner|" +
        "sets animal|sets photo|sets deceasedBoolean|sets deceasedDateTime|sets contact|sets multipleBirthBoolean|sets multipleBirthInteger|" +
        "sets communication|sets link|sets a registrationDetails extension|has a second identifier without a system|" +
        "names its body a Bundle instead of Parameters|names the registerPatient resource an Organization|" +
        "is a bare Patient instead of Parameters|has two registerPatient parameters|has a different family name|" +
        "has a birth date two parts away from PDS|has a birth date one part away from PDS|has a home address and a temporary address|" +
        "has home, mobile and temporary phones and an email|has one nhsCommunication extension";
}
