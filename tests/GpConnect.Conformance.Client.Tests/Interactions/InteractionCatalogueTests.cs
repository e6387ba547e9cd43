using System.Text.RegularExpressions;
using GpConnect.Conformance.Client.Interactions;
using GpConnect.Conformance.Client.Tests.Support;
using Shouldly;
using Catalogue = GpConnect.Conformance.Client.Interactions.Interactions;

namespace GpConnect.Conformance.Client.Tests.Interactions;

public sealed class InteractionCatalogueTests
{
    [Fact]
    public void There_are_fifteen_distinct_interactions()
    {
        Catalogue.All.Count.ShouldBe(15);
        Catalogue.All.Select(i => i.Name).ShouldBeUnique();
        Catalogue.All.Select(i => i.InteractionId).ShouldBeUnique();
        Catalogue.All.Count(i => i.Capability == Capability.Foundations).ShouldBe(9);
        Catalogue.All.Count(i => i.Capability == Capability.AppointmentManagement).ShouldBe(6);
    }

    [Fact]
    public void Amend_and_cancel_share_method_and_path_but_not_the_interaction_id()
    {
        Catalogue.AmendAppointment.Method.ShouldBe(HttpMethod.Put);
        Catalogue.CancelAppointment.Method.ShouldBe(HttpMethod.Put);
        Catalogue.AmendAppointment.PathTemplate.ShouldBe(Catalogue.CancelAppointment.PathTemplate);
        Catalogue.AmendAppointment.InteractionId.ShouldNotBe(Catalogue.CancelAppointment.InteractionId);
    }

    [Theory]
    [InlineData("GetCapabilityStatement", "GetCapabilityStatement")]
    [InlineData("get the FHIR capability statement", "GetCapabilityStatement")]
    [InlineData("Find a patient", "FindPatient")]
    [InlineData("read an organization", "ReadOrganisation")]
    [InlineData("Retrieve a patient's appointments", "RetrievePatientAppointments")]
    [InlineData("search for free slots", "SearchForFreeSlots")]
    [InlineData("BOOK AN APPOINTMENT", "BookAppointment")]
    public void Lookup_by_name_is_forgiving(string name, string expected) =>
        Catalogue.ByName(name).Name.ShouldBe(expected);

    [Fact]
    public void Unknown_names_list_the_known_ones()
    {
        var error = Should.Throw<KeyNotFoundException>(() => Catalogue.ByName("Delete a patient"));
        error.Message.ShouldContain("\"Delete a patient\"");
        error.Message.ShouldContain("FindPatient");
        Catalogue.TryGetByName("", out _).ShouldBeFalse();
    }

    [Fact]
    public void Lookup_by_interaction_id_is_exact()
    {
        Catalogue.ByInteractionId("urn:nhs:names:services:gpconnect:fhir:rest:search:slot-1").ShouldBe(Catalogue.SearchForFreeSlots);
        Catalogue.ByInteractionId("URN:NHS:NAMES:SERVICES:GPCONNECT:FHIR:REST:SEARCH:SLOT-1").ShouldBeNull();
    }

    [Fact]
    public void Paths_resolve_with_encoded_values()
    {
        Catalogue.ReadPatient.ResolvePath("42").ShouldBe("/Patient/42");
        Catalogue.RetrievePatientAppointments.ResolvePath(("id", "a b")).ShouldBe("/Patient/a%20b/Appointment");
        Catalogue.GetCapabilityStatement.ResolvePath().ShouldBe("/metadata");
        Should.Throw<ArgumentException>(() => Catalogue.ReadPatient.ResolvePath()).Message.ShouldContain("{id}");
        Should.Throw<ArgumentException>(() => Catalogue.FindPatient.ResolvePath("1"));
        Should.Throw<ArgumentException>(() => Catalogue.ReadPatient.ResolvePath(("nhsNumber", "1")));
    }

    [Fact]
    public void Scopes_follow_the_scope_table()
    {
        string[] patientRead = ["FindPatient", "ReadPatient", "RetrievePatientAppointments", "ReadAppointment"];
        string[] patientWrite = ["RegisterPatient", "BookAppointment", "AmendAppointment", "CancelAppointment"];
        foreach (var interaction in Catalogue.All)
        {
            var expected = patientRead.Contains(interaction.Name) ? JwtScopes.PatientRead
                : patientWrite.Contains(interaction.Name) ? JwtScopes.PatientWrite
                : JwtScopes.OrganizationRead;
            interaction.Scope.ShouldBe(expected, interaction.Name);
        }
    }

    [Fact]
    public void Catalogue_matches_the_interaction_tables_of_the_core_digest()
    {
        if (RepositoryPaths.Shared is not { } shared || !File.Exists(Path.Combine(shared, "spec", "core.md")))
        {
            Assert.Skip("../shared/spec/core.md is not available beside the repository; the catalogue cannot be cross-checked.");
            return;
        }
        var rows = File.ReadAllLines(Path.Combine(shared, "spec", "core.md"))
            .SkipWhile(l => !l.StartsWith("## 3.", StringComparison.Ordinal))
            .TakeWhile(l => !l.StartsWith("### 3.3", StringComparison.Ordinal))
            .Where(l => l.StartsWith('|') && l.Contains("urn:nhs:names:services:gpconnect:fhir:", StringComparison.Ordinal))
            .ToList();
        rows.Count.ShouldBe(15);

        foreach (var interaction in Catalogue.All)
        {
            var row = rows.SingleOrDefault(r => r.Contains($"`{interaction.InteractionId}`", StringComparison.Ordinal));
            row.ShouldNotBeNull($"{interaction.InteractionId} is not in core.md §3");
            var cells = row.Replace("\\|", "%7C").Split('|').Select(c => c.Trim()).ToArray();
            cells[2].ShouldBe(interaction.Method.Method, interaction.Name);
            cells[5].ShouldBe($"`{interaction.Scope}`", interaction.Name);
            var digestPath = Regex.Replace(Regex.Match(cells[3], "`([^`?]+)").Groups[1].Value, "\\[[A-Za-z]+\\]", "{id}");
            digestPath.ShouldBe(interaction.PathTemplate, interaction.Name);
            cells[6].ShouldContain(interaction.SuccessStatus.ToString(), Case.Sensitive, interaction.Name);
        }
    }
}
