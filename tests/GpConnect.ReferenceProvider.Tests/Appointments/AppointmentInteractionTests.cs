using System.Net;
using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Tests.Infrastructure;
using Shouldly;
using static GpConnect.ReferenceProvider.Tests.Appointments.AppointmentApi;

namespace GpConnect.ReferenceProvider.Tests.Appointments;

/// <summary>The reference provider's Book, Read, Amend, Cancel and Retrieve behaviour (appointments.md §4–§8, §10, §11).</summary>
public sealed class AppointmentInteractionTests : IAsyncLifetime
{
    private ProviderSession _s = null!;

    public async ValueTask InitializeAsync() => _s = await ProviderSession.StartAsync();

    public async ValueTask DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Booking_a_free_slot_returns_201_with_location_etag_and_the_slot_type_and_takes_the_slot()
    {
        var slot = (await FreeSlotsAsync(_s))[0];

        var response = await BookAsync(_s, Booking(_s, slot));

        response.Status.ShouldBe(HttpStatusCode.Created, response.Body);
        var appointment = response.Json;
        var version = appointment["meta"]!["versionId"]!.GetValue<string>();
        response.Headers["ETag"].ShouldBe($"W/\"{version}\"");
        response.Headers["Location"].ShouldEndWith($"/Appointment/{appointment["id"]}/_history/{version}");
        appointment["status"]!.GetValue<string>().ShouldBe("booked");
        appointment["serviceType"]!.AsArray().Single()!["text"]!.GetValue<string>().ShouldBe(slot["serviceType"]![0]!["text"]!.GetValue<string>());
        appointment["contained"]![0]!["identifier"]![0]!["value"]!.GetValue<string>().ShouldBe("GPCC001");
        (await FreeSlotsAsync(_s)).Select(x => x["id"]!.GetValue<string>()).ShouldNotContain(slot["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Twenty_concurrent_bookings_of_one_slot_give_exactly_one_201_and_409_for_the_rest()
    {
        var slot = (await FreeSlotsAsync(_s))[0];

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => BookAsync(_s, Booking(_s, slot))));

        responses.Count(r => r.Status == HttpStatusCode.Created).ShouldBe(1);
        foreach (var refused in responses.Where(r => r.Status != HttpStatusCode.Created))
            refused.ShouldBeError(HttpStatusCode.Conflict, "DUPLICATE_REJECTED");
    }

    [Theory]
    [InlineData("reason")]
    [InlineData("specialty")]
    [InlineData("appointmentType")]
    public async Task Booking_with_a_forbidden_element_is_refused_with_422_INVALID_RESOURCE(string element)
    {
        var booking = Booking(_s, (await FreeSlotsAsync(_s))[0]);
        booking[element] = new JsonObject { ["text"] = "Not allowed" };

        (await BookAsync(_s, booking)).ShouldBeError(HttpStatusCode.UnprocessableEntity, "INVALID_RESOURCE");
    }

    [Fact]
    public async Task Booking_an_unknown_slot_is_REFERENCE_NOT_FOUND_and_a_visit_slot_is_refused()
    {
        var booking = Booking(_s, (await FreeSlotsAsync(_s))[0]);
        booking["slot"] = new JsonArray(new JsonObject { ["reference"] = "Slot/999999" });
        (await BookAsync(_s, booking)).ShouldBeError(HttpStatusCode.UnprocessableEntity, "REFERENCE_NOT_FOUND");

        booking["slot"] = new JsonArray(new JsonObject { ["reference"] = "Slot/V1" });
        (await BookAsync(_s, booking)).ShouldBeError(HttpStatusCode.UnprocessableEntity, "INVALID_RESOURCE");
    }

    [Fact]
    public async Task An_xml_booking_is_answered_in_xml()
    {
        var slot = (await FreeSlotsAsync(_s))[0];
        var json = Booking(_s, slot);
        var xml = $"""
            <Appointment xmlns="http://hl7.org/fhir">
              <contained><Organization><id value="1"/><identifier><system value="https://fhir.nhs.uk/Id/ods-organization-code"/><value value="GPCC001"/></identifier><name value="Test consumer"/><telecom><system value="phone"/><value value="0300 303 5678"/></telecom></Organization></contained>
              <extension url="https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-BookingOrganisation-1"><valueReference><reference value="#1"/></valueReference></extension>
              <status value="booked"/><description value="XML booking"/>
              <start value="{json["start"]}"/><end value="{json["end"]}"/>
              <slot><reference value="Slot/{slot["id"]}"/></slot><created value="2026-06-01T11:00:00+01:00"/>
              <participant><actor><reference value="Patient/1"/></actor><status value="accepted"/></participant>
              <participant><actor><reference value="{json["participant"]![1]!["actor"]!["reference"]}"/></actor><status value="accepted"/></participant>
            </Appointment>
            """;
        var request = _s.Request("/Appointment", AppointmentApi.Book, PatientWrite, HttpMethod.Post);
        request.Content = new StringContent(xml, System.Text.Encoding.UTF8, "application/fhir+xml");

        var response = await _s.SendAsync(request);

        response.Status.ShouldBe(HttpStatusCode.Created, response.Body);
        response.ContentType!.ShouldStartWith("application/fhir+xml");
        response.Xml.Root!.Name.LocalName.ShouldBe("Appointment");
        response.Body.ShouldContain("XML booking");
    }

    [Fact]
    public async Task Amend_changes_the_description_under_a_new_version_and_a_stale_if_match_is_409()
    {
        var first = await ReadAsync(_s, ByOtherOrganisation);
        var edited = first.Json;
        edited["description"] = "New text";

        var amended = await PutAsync(_s, Amend, ByOtherOrganisation, edited, first.Headers["ETag"]);
        amended.Status.ShouldBe(HttpStatusCode.OK, amended.Body);
        amended.Json["description"]!.GetValue<string>().ShouldBe("New text");
        amended.Headers["ETag"].ShouldNotBe(first.Headers["ETag"]);

        edited["description"] = "Stale text";
        var stale = await PutAsync(_s, Amend, ByOtherOrganisation, edited, first.Headers["ETag"]);
        stale.Status.ShouldBe(HttpStatusCode.Conflict);
        (await ReadAsync(_s, ByOtherOrganisation)).Json["description"]!.GetValue<string>().ShouldBe("New text");
    }

    [Fact]
    public async Task An_xml_amend_of_the_xml_read_representation_changes_only_the_description()
    {
        var read = await _s.SendAsync(_s.Request($"/Appointment/{ByOtherOrganisation}?_format=application/fhir%2Bxml", AppointmentApi.Read, "patient/*.read"));
        read.Status.ShouldBe(HttpStatusCode.OK, read.Body);
        var xml = read.Xml;
        var description = xml.Root!.Elements().Single(e => e.Name.LocalName == "description");
        description.SetAttributeValue("value", "Amended in XML");
        var request = _s.Request($"/Appointment/{ByOtherOrganisation}", Amend, PatientWrite, HttpMethod.Put);
        request.Content = new StringContent(xml.ToString(), System.Text.Encoding.UTF8, "application/fhir+xml");
        request.Headers.TryAddWithoutValidation("If-Match", read.Headers["ETag"]);

        var amended = await _s.SendAsync(request);

        amended.Status.ShouldBe(HttpStatusCode.OK, amended.Body);
        amended.Body.ShouldContain("Amended in XML");
    }

    [Fact]
    public async Task Amend_refuses_other_changes_cancelled_and_visit_appointments_and_cancellation_reasons()
    {
        (await EditAsync(_s, Amend, ByOtherOrganisation, a => a["start"] = "2026-06-03T15:00:00+01:00"))
            .ShouldBeError(HttpStatusCode.UnprocessableEntity, "INVALID_RESOURCE");
        (await EditAsync(_s, Amend, ByOtherOrganisation, a => AddCancellationReason(a)))
            .ShouldBeError(HttpStatusCode.UnprocessableEntity, "INVALID_RESOURCE");
        (await EditAsync(_s, Amend, Cancelled, a => a["description"] = "x")).ShouldBeError(HttpStatusCode.UnprocessableEntity, "INVALID_RESOURCE");
        (await EditAsync(_s, Amend, Visit, a => a["description"] = "x")).ShouldBeError(HttpStatusCode.UnprocessableEntity, "INVALID_RESOURCE");
        (await EditAsync(_s, Cancel, ByOtherOrganisation, a => a["description"] = "x")).ShouldBeError(HttpStatusCode.UnprocessableEntity, "INVALID_RESOURCE");
    }

    [Fact]
    public async Task Cancel_sets_status_and_reason_keeps_the_rest_and_the_appointment_stays_retrievable()
    {
        var cancelled = await EditAsync(_s, Cancel, OutsideGpConnect, MarkCancelled);

        cancelled.Status.ShouldBe(HttpStatusCode.OK, cancelled.Body);
        cancelled.Json["status"]!.GetValue<string>().ShouldBe("cancelled");
        cancelled.Json["extension"]!.AsArray().ShouldContain(e => e!["url"]!.GetValue<string>() == CancellationReasonUrl);
        var retrieved = await RetrieveAsync(_s, "2", "2026-06-01", "2026-06-15");
        retrieved.Entries().Single(a => a["id"]!.GetValue<string>() == OutsideGpConnect)["status"]!.GetValue<string>().ShouldBe("cancelled");
    }

    [Fact]
    public async Task Retrieve_returns_every_status_route_and_channel_in_range_and_nothing_past_or_beyond()
    {
        var ids = (await RetrieveAsync(_s, "2", "2026-06-01", "2026-06-15")).Entries().Select(a => a["id"]!.GetValue<string>()).ToArray();

        ids.ShouldBe(["1", "2", "3", "4", "5", "7", "9"], ignoreOrder: true); // 9: at midnight today, its time passed but its date is today (APT-128)
        (await RetrieveAsync(_s, "3", "2026-06-01", "2026-06-15")).Entries().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("?start=ge2026-05-01&start=le2026-06-02")]
    [InlineData("?start=ge2026-06-02")]
    [InlineData("?start=ge2026-06-02&start=ge2026-06-05")]
    [InlineData("?start=ge2026-06-02T09:00:00%2B01:00&start=le2026-06-05")]
    [InlineData("?start=ge2026-06&start=le2026-06-05")]
    [InlineData("?start=ge2026-06-05&start=le2026-06-02")]
    public async Task Retrieve_refuses_invalid_ranges_with_422_INVALID_PARAMETER(string query) =>
        (await _s.GetAsync("/Patient/2/Appointment" + query, Retrieve, "patient/*.read")).ShouldBeError(HttpStatusCode.UnprocessableEntity, "INVALID_PARAMETER");

    [Fact]
    public async Task Retrieve_for_an_unknown_patient_is_404_PATIENT_NOT_FOUND() =>
        (await RetrieveAsync(_s, "999", "2026-06-01", "2026-06-15")).ShouldBeError(HttpStatusCode.NotFound, "PATIENT_NOT_FOUND");

    [Fact]
    public async Task Read_serves_future_appointments_of_any_route_and_refuses_past_and_unknown_ones()
    {
        foreach (var id in new[] { ByOtherOrganisation, OutsideGpConnect, Cancelled, Visit })
            (await ReadAsync(_s, id)).Status.ShouldBe(HttpStatusCode.OK);
        (await ReadAsync(_s, Visit)).Json["participant"]!.AsArray().ShouldContain(p => p!["actor"]!["reference"]!.GetValue<string>() == "Location/3");
        (await ReadAsync(_s, Past)).ShouldBeError(HttpStatusCode.NotFound, "NO_RECORD_FOUND");
        (await ReadAsync(_s, "999")).ShouldBeError(HttpStatusCode.NotFound, "NO_RECORD_FOUND");
    }
}
