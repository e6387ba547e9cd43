using Reqnroll;
using GpConnect.Conformance.Runner;
using GpConnect.Conformance.Specs.Domain.Foundations;

namespace GpConnect.Conformance.Specs.Steps.Foundations;

/// <summary>
/// Given steps that name the Foundations test data a scenario needs, in words ("a patient whose record is marked
/// sensitive"); config maps each to the provider's identifiers (testData:…). Only the exact phrases below bind.
/// </summary>
[Binding]
public sealed class FoundationsTestDataSteps(FoundationsScenario scenario)
{
    private const string Phrases =
        "an active patient whose NHS number is verified|a patient who needs an interpreter|a patient whose language display was corrected by #643|" +
        "a patient whose record holds data Foundations must not share|a patient recorded as deceased at the practice|a patient who has left the practice|" +
        "a patient whose record is marked sensitive|a patient who has dissented from sharing their record|a patient with a temporary registration|" +
        "a never-verified patient whose date of birth matches PDS|a never-verified patient whose date of birth nearly matches PDS|" +
        "a never-verified patient whose demographics do not match PDS|a never-verified patient recorded as deceased on PDS|" +
        "a never-verified patient marked sensitive on PDS|a never-verified patient whose NHS number is superseded on PDS|" +
        "an NHS number the practice does not hold|a patient on PDS who is not registered at the practice|" +
        "a patient on PDS who is not registered at the practice, in a registration that must be refused|" +
        "a patient who left the practice and registers again|a patient recorded as deceased on PDS and unknown to the practice|" +
        "a patient marked sensitive on PDS and unknown to the practice|a patient whose NHS number is superseded on PDS|" +
        "a patient whose NHS number is flagged invalid on PDS|a valid NHS number that PDS does not hold|" +
        "the practice's organisation|an ODS code the provider does not hold|a practitioner with an SDS user id|" +
        "an SDS user id the provider does not hold|a practitioner with SDS role profiles|a practitioner with a recorded language|the practice's main surgery|a branch surgery of the practice";

    /// <summary>Each phrase and the test-data role it stands for.</summary>
    public static IReadOnlyDictionary<string, string> RoleOfPhrase { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["an active patient whose NHS number is verified"] = "patients.baseline",
        ["a patient who needs an interpreter"] = "patients.withInterpreter",
        ["a patient whose language display was corrected by #643"] = "patients.withCorrectedLanguage",
        ["a patient whose record holds data Foundations must not share"] = "patients.withLocalOnlyData",
        ["a patient recorded as deceased at the practice"] = "patients.deceased",
        ["a patient who has left the practice"] = "patients.inactive",
        ["a patient whose record is marked sensitive"] = "patients.sensitive",
        ["a patient who has dissented from sharing their record"] = "patients.dissent",
        ["a patient with a temporary registration"] = "patients.temporary",
        ["a never-verified patient whose date of birth matches PDS"] = "patients.unverifiedMatchingPds",
        ["a never-verified patient whose date of birth nearly matches PDS"] = "patients.unverifiedNearMatch",
        ["a never-verified patient whose demographics do not match PDS"] = "patients.unverifiedMismatch",
        ["a never-verified patient recorded as deceased on PDS"] = "patients.unverifiedDeceasedOnPds",
        ["a never-verified patient marked sensitive on PDS"] = "patients.unverifiedSensitiveOnPds",
        ["a never-verified patient whose NHS number is superseded on PDS"] = "patients.unverifiedSupersededOnPds",
        ["an NHS number the practice does not hold"] = "patients.notHeld",
        ["a patient on PDS who is not registered at the practice"] = "register.onPds",
        ["a patient on PDS who is not registered at the practice, in a registration that must be refused"] = "register.forRefusal",
        ["a patient who left the practice and registers again"] = "register.leftPractice",
        ["a patient recorded as deceased on PDS and unknown to the practice"] = "register.deceasedOnPds",
        ["a patient marked sensitive on PDS and unknown to the practice"] = "register.sensitiveOnPds",
        ["a patient whose NHS number is superseded on PDS"] = "register.supersededOnPds",
        ["a patient whose NHS number is flagged invalid on PDS"] = "register.invalidOnPds",
        ["a valid NHS number that PDS does not hold"] = "register.notOnPds",
        ["the practice's organisation"] = "organisations.practice",
        ["an ODS code the provider does not hold"] = "organisations.notHeld",
        ["a practitioner with an SDS user id"] = "practitioners.baseline",
        ["an SDS user id the provider does not hold"] = "practitioners.notHeld",
        ["a practitioner with SDS role profiles"] = "practitioners.withRoleProfiles",
        ["a practitioner with a recorded language"] = "practitioners.withLanguage",
        ["the practice's main surgery"] = "locations.mainSurgery",
        ["a branch surgery of the practice"] = "locations.branchSurgery",
    };

    [Given(@"^(" + Phrases + ")$")]
    public Task Choose(string phrase) => scenario.ChooseAsync(RoleOfPhrase[phrase]);
}
