using System.Text.Json.Nodes;
using GpConnect.Conformance.Fhir;
using GpConnect.Conformance.Fhir.Validation;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;

namespace GpConnect.Conformance.Specs.Checks.Appointments;

/// <summary>
/// Checks on what book, retrieve, read and cancel return beyond <see cref="AppointmentChecks"/> (spec: the Book, Retrieve, Read and Cancel
/// pages and Visit appointments, #826): error codes the spec allows more than one of, the Prefer header, schedule details copied onto a
/// booking, date-range membership, business identifiers, the unchanged rest of a cancelled appointment, the Visit placeholder.
/// </summary>
public static class AppointmentLifecycleChecks
{
    /// <summary>
    /// The error is a GP Connect OperationOutcome with one of <paramref name="spineCodes"/> (and its status); the spec
    /// tolerates each (e.g. APT-092: REFERENCE_NOT_FOUND, or INVALID_RESOURCE). Failures name the first, preferred code.
    /// </summary>
    public static Check OperationOutcomeWithOneOf(ProviderResponse response, ProfileValidator? validator, params string[] spineCodes)
    {
        if (spineCodes.Length == 0) throw new ArgumentException("Name at least one Spine error code.", nameof(spineCodes));
        var checks = spineCodes.Select(code => ResponseChecks.OperationOutcome(response, code, validator)).ToList();
        return checks.FirstOrDefault(c => c.Passed) ?? checks[0];
    }

    /// <summary>
    /// <c>Prefer: return=minimal</c> honoured (spec: FHIR API guidance: create and update, CORE-100, APT-116, APT-175): the expected status (a failure
    /// otherwise) and no resource in the body. Honouring the header is a SHOULD, so a body is a warning, not a failure.
    /// </summary>
    public static Check NoBody(ProviderResponse response, int status)
    {
        var check = ResponseChecks.Status(response, status);
        if (!check.Passed) return check;
        var body = response.Exchange.ResponseBody;
        if (!string.IsNullOrWhiteSpace(body))
            check.Warn("prefer.return-minimal", "body", "no body", $"{body.Length} characters",
                $"The request said Prefer: return=minimal, but the provider answered HTTP {status} with a {body.Length}-character body; it SHOULD send the headers only.");
        return check;
    }

    /// <summary>
    /// The booked appointment carries what its slot and schedule hold (APT-078, APT-079): the schedule type in
    /// serviceCategory.text (where the schedule has one), the slot's delivery channel and the schedule's practitioner role.
    /// </summary>
    public static Check ScheduleDetails(ElementNode appointment, FreeSlot slot)
    {
        var check = new Check();
        void Expect(string rule, string path, string? expected, string? actual, string what)
        {
            if (expected is not null && actual != expected)
                check.Fail(rule, $"{appointment.Path}.{path}", expected, actual ?? "absent",
                    $"The booked appointment's {what} should be \"{expected}\", as the booked slot and its schedule have it, but it is {(actual is null ? "absent" : $"\"{actual}\"")}.");
        }
        Expect("appointment.schedule-type", "serviceCategory.text", slot.ScheduleType, appointment.SelectValue("serviceCategory.text"), "schedule type (serviceCategory.text, #912)");
        Expect("appointment.delivery-channel", "extension(deliveryChannel).valueCode", slot.DeliveryChannel,
            Extension(appointment, FreeSlot.DeliveryChannelUrl)?.SelectValue("valueCode"), "delivery channel");
        Expect("appointment.practitioner-role", "extension(practitionerRole).valueCodeableConcept.coding.code", slot.PractitionerRoleCode,
            Extension(appointment, FreeSlot.PractitionerRoleUrl)?.SelectValue("valueCodeableConcept.coding.code"), "practitioner role");
        return check;
    }

    /// <summary>None of <paramref name="elements"/> is present on the appointment (e.g. reason and specialty, APT-081).</summary>
    public static Check Without(ElementNode appointment, params string[] elements)
    {
        var check = new Check();
        foreach (var element in elements.Where(e => appointment.Children(e).Any()))
            check.Fail("element.prohibited", $"{appointment.Path}.{element}", "absent", "present",
                $"{appointment.Path}.{element} is present, but a GP Connect appointment must not carry {element}.");
        return check;
    }

    /// <summary>The searchset does not hold the Appointment with this id (e.g. one after the upper bound, APT-129).</summary>
    public static Check BundleLacksAppointment(ProviderResponse response, string id, string why)
    {
        var check = BundleChecks.Searchset(response);
        if (!check.Passed) return check;
        if (response.BundleEntries("Appointment").Any(a => a.SelectValue("id") == id))
            check.Fail("retrieve.excludes", "Bundle.entry.resource", $"no Appointment/{id}", $"Appointment/{id}",
                $"The patient's appointments should not include Appointment/{id} ({why}), but the provider returned it.");
        return check;
    }

    /// <summary>A searchset with no entries (APT-130: a patient without appointments in the range).</summary>
    public static Check EmptySearchset(ProviderResponse response)
    {
        var check = BundleChecks.Searchset(response);
        if (!check.Passed) return check;
        var entries = response.BundleEntries();
        if (entries.Count > 0)
            check.Fail("bundle.empty", "Bundle.entry", "no entries", entries.Count.ToString(),
                $"The patient has no appointments in the range, so the searchset should be empty, but it holds {string.Join(", ", entries.Select(e => $"{e.ResourceType}/{e.SelectValue("id")}"))}.");
        return check;
    }

    /// <summary>
    /// The appointment has business identifiers, each with system and value only (APT-152: use, type, period and assigner
    /// are 0..0 in GPConnect-Appointment-1).
    /// </summary>
    public static Check BusinessIdentifiers(ElementNode appointment)
    {
        var check = new Check();
        var identifiers = appointment.Children("identifier").ToList();
        if (identifiers.Count == 0)
            return check.Fail("element.required", $"{appointment.Path}.identifier", "at least one business identifier", "none",
                "The appointment should carry the business identifiers the practice holds for it, but it has none; check the test data (appointments.withBusinessIdentifiers).");
        foreach (var identifier in identifiers)
        {
            foreach (var required in new[] { "system", "value" })
                if (string.IsNullOrWhiteSpace(identifier.SelectValue(required)))
                    check.Fail("identifier.required", $"{identifier.Path}.{required}", "a value", "absent", $"{identifier.Path}.{required} is mandatory on an appointment identifier.");
            foreach (var prohibited in new[] { "use", "type", "period", "assigner" })
                if (identifier.Children(prohibited).Any())
                    check.Fail("identifier.prohibited", $"{identifier.Path}.{prohibited}", "absent", "present",
                        $"{identifier.Path}.{prohibited} is present, but an appointment identifier carries only system and value.");
        }
        return check;
    }

    /// <summary>
    /// A cancellation changed nothing but status and the cancellation reason (APT-178): every other element of
    /// <paramref name="after"/> equals <paramref name="before"/> (meta, the version, is expected to change).
    /// </summary>
    public static Check UnchangedButStatusAndReason(JsonObject before, JsonObject after)
    {
        var check = new Check();
        var (b, a) = (Comparable(before), Comparable(after));
        foreach (var name in b.Select(p => p.Key).Union(a.Select(p => p.Key)).Where(n => !JsonNode.DeepEquals(b[n], a[n])))
            check.Fail("cancel.unchanged", $"Appointment.{name}", Shorten(b[name]), Shorten(a[name]),
                $"Cancelling changed Appointment.{name} from {Shorten(b[name])} to {Shorten(a[name])}; a cancellation may change only the status and the cancellation reason.");
        return check;
    }

    /// <summary>The Location a Visit appointment names is not one of the practice's surgeries (#826, APT-127, TKT-027).</summary>
    public static Check NotASurgery(string locationId, IReadOnlyCollection<string> surgeryIds)
    {
        var check = new Check();
        if (surgeryIds.Contains(locationId))
            check.Fail("visit.placeholder-location", "Appointment.participant(Location).actor.reference", "the placeholder visit location", $"Location/{locationId}",
                $"The Visit appointment names Location/{locationId}, one of the practice's surgeries; a Visit must name the placeholder visit location, never a real address (#826).");
        return check;
    }

    /// <summary>The appointment's comment mentions <paramref name="text"/> (the visit type of a Visit, #826).</summary>
    public static Check CommentMentions(ElementNode appointment, string text)
    {
        var check = new Check();
        var comment = appointment.SelectValue("comment");
        if (comment is null || !comment.Contains(text, StringComparison.OrdinalIgnoreCase))
            check.Fail("visit.comment", $"{appointment.Path}.comment", $"mentions \"{text}\"", comment ?? "absent",
                $"The Visit appointment's comment should name the kind of visit (\"{text}\") but it is {(comment is null ? "absent" : $"\"{comment}\"")}.");
        return check;
    }

    private static JsonObject Comparable(JsonObject appointment)
    {
        var copy = (JsonObject)appointment.DeepClone();
        copy.Remove("meta");
        copy.Remove("text");
        copy.Remove("status");
        if (copy["extension"] is JsonArray extensions)
            foreach (var reason in extensions.OfType<JsonObject>().Where(e => e["url"]?.GetValue<string>() == AppointmentRequests.CancellationReasonUrl).ToList())
                extensions.Remove(reason);
        return copy;
    }

    private static ElementNode? Extension(ElementNode resource, string url) =>
        resource.Children("extension").FirstOrDefault(e => e.SelectValue("url") == url);

    private static string Shorten(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "absent";
        return text.Length <= 80 ? text : text[..77] + "…";
    }
}
