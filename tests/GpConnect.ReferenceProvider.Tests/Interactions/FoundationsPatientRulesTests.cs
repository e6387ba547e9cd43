using GpConnect.ReferenceProvider.Practice.Patients;
using Shouldly;

namespace GpConnect.ReferenceProvider.Tests.Interactions;

/// <summary>The NHS number check digit and the #921 / register verification rule, as pure functions.</summary>
public sealed class FoundationsPatientRulesTests
{
    [Theory]
    [InlineData("9690000004", true)]
    [InlineData("9000000009", true)]
    [InlineData("9000000008", false)]
    [InlineData("969000000", false)]
    [InlineData("96900000040", false)]
    [InlineData("96900000A4", false)]
    [InlineData(null, false)]
    public void Nhs_numbers_are_ten_digits_with_a_modulus_11_check_digit(string? value, bool valid) =>
        NhsNumber.IsValid(value).ShouldBe(valid);

    private static readonly PdsRecord Pds = new("9690000004", new("Thomson", ["Gareth"], []), new DateOnly(1970, 4, 8), "male");

    [Theory]
    [InlineData("Thomson", "Gareth", 1970, 4, 8, true)]
    [InlineData("Smith", "Zed", 1970, 4, 8, true)]
    [InlineData("Thompson", "Gary", 1970, 4, 18, true)]
    [InlineData("Thompson", "Bob", 1970, 4, 18, false)]
    [InlineData("Tomson", "Gary", 1970, 4, 18, false)]
    [InlineData("Thompson", "Gary", 1970, 5, 18, false)]
    public void The_date_of_birth_verifies_alone_when_exact_or_with_the_name_when_two_parts_match(string family, string given, int y, int m, int d, bool verified) =>
        NhsNumberVerification.DemographicsVerify(Pds, new(family, [given], []), new DateOnly(y, m, d)).ShouldBe(verified);

    [Fact]
    public void Pds_flags_and_death_fail_the_checks_after_the_demographics()
    {
        var name = Pds.Name;
        NhsNumberVerification.Check(null, name, Pds.BirthDate).ShouldBe(NhsNumberVerification.Failure.NotOnPds);
        NhsNumberVerification.Check(Pds with { Deceased = true }, name, Pds.BirthDate).ShouldBe(NhsNumberVerification.Failure.DeceasedOnPds);
        NhsNumberVerification.Check(Pds with { Sensitive = true }, name, Pds.BirthDate).ShouldBe(NhsNumberVerification.Failure.Sensitive);
        NhsNumberVerification.Check(Pds with { Superseded = true }, name, Pds.BirthDate).ShouldBe(NhsNumberVerification.Failure.InvalidOrSuperseded);
        NhsNumberVerification.Check(Pds with { Invalid = true }, name, Pds.BirthDate).ShouldBe(NhsNumberVerification.Failure.InvalidOrSuperseded);
        NhsNumberVerification.Check(Pds, name, Pds.BirthDate).ShouldBeNull();
    }
}
