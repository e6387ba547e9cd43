using GpConnect.Conformance.Fhir;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;

namespace GpConnect.Conformance.Specs.Checks.Appointments;

/// <summary>
/// Checks on Appointment resources and on the errors the Appointment interactions return (the Appointment Management pages).
/// Pure functions over a response or an element tree; each failure names the rule, the element path, expected and actual.
/// </summary>
public static class AppointmentChecks
{
    /// <summary>
    /// A refusal whose Spine code the specification leaves open (spec: Appointment Management overview "error (code not specified)"): any
    /// 4xx status with a GPConnect-OperationOutcome-1 body.
    /// </summary>
    public static Check Refused(ProviderResponse response)
    {
        var check = new Check();
        if (!response.HasResponse)
            return check.Fail("http.response", null, "a 4xx error", "no response", $"Expected the provider to refuse the request but it did not answer: {response.Exchange.TransportError}");
        if (response.StatusCode is not (>= 400 and < 500))
            return check.Fail("http.status", null, "4xx", response.StatusCode.ToString(),
                $"Expected the provider to refuse the request with a 4xx error but it answered HTTP {response.StatusCode}{Summary(response)}.");
        var type = ResponseChecks.ResourceType(response, "OperationOutcome");
        if (!type.Passed) return check.Add(type.Failures);
        if (!response.Resource!.Select("meta.profile").Any(p => p.Value == SpineErrorCodes.OperationOutcomeProfile))
            check.Fail("meta.profile", "OperationOutcome.meta.profile", SpineErrorCodes.OperationOutcomeProfile, "absent",
                "The error's OperationOutcome does not declare the GPConnect-OperationOutcome-1 profile.");
        return check;
    }

    /// <summary>The body is an Appointment (and, when given, has this status).</summary>
    public static Check IsAppointment(ProviderResponse response, string? status = null)
    {
        var check = ResponseChecks.ResourceType(response, "Appointment");
        if (!check.Passed || status is null) return check;
        var actual = response.Resource!.SelectValue("status");
        if (actual != status)
            check.Fail("appointment.status", "Appointment.status", status, actual ?? "absent", $"Appointment.status should be \"{status}\" but it is \"{actual ?? "absent"}\".");
        return check;
    }

    /// <summary>The provider did not create or leave a cancelled appointment (#695: a booking with a cancellation reason).</summary>
    public static Check NotCancelled(ProviderResponse response)
    {
        var check = new Check();
        if (response.Resource?.ResourceType == "Appointment" && response.Resource.SelectValue("status") == "cancelled")
            check.Fail("appointment.status", "Appointment.status", "booked (or the request refused)", "cancelled",
                "The provider created a cancelled appointment from a booking request: a booking must never result in a cancelled appointment (#695).");
        return check;
    }

    /// <summary>#912: at most <paramref name="max"/> serviceType entries, the first with non-empty text (the slot type).</summary>
    public static Check SlotType(ElementNode appointment, int max, string? expectedText = null)
    {
        var check = new Check();
        var types = appointment.Children("serviceType").ToList();
        if (types.Count > max)
            check.Fail("cardinality.max", $"{appointment.Path}.serviceType", $"at most {max}", types.Count.ToString(),
                $"{appointment.Path}.serviceType has {types.Count} entries; Appointment.serviceType allows at most {max} (#912 seed).");
        var text = types.FirstOrDefault()?.SelectValue("text");
        if (string.IsNullOrWhiteSpace(text))
            check.Fail("element.required", $"{appointment.Path}.serviceType.text", "the slot type", "absent",
                $"{appointment.Path}.serviceType.text must carry the slot type (#912) but it is absent (id {appointment.SelectValue("id") ?? "unknown"}).");
        else if (expectedText is not null && text != expectedText)
            check.Fail("element.value", $"{appointment.Path}.serviceType.text", expectedText, text,
                $"{appointment.Path}.serviceType.text should be the booked slot's type \"{expectedText}\" but it is \"{text}\".");
        return check;
    }

    /// <summary>The element has exactly this text value.</summary>
    public static Check Value(ElementNode resource, string path, string expected)
    {
        var check = new Check();
        var actual = resource.SelectValue(path);
        if (actual != expected)
            check.Fail("element.value", $"{resource.Path}.{path}", Shorten(expected), actual is null ? "absent" : Shorten(actual),
                $"{resource.Path}.{path} should be \"{Shorten(expected)}\" but it is {(actual is null ? "absent" : $"\"{Shorten(actual)}\"")}.");
        return check;
    }

    /// <summary>meta.versionId is present and differs from the version before the change.</summary>
    public static Check NewVersion(ElementNode appointment, string? previousVersion)
    {
        var check = new Check();
        var version = appointment.SelectValue("meta.versionId");
        if (string.IsNullOrWhiteSpace(version))
            check.Fail("meta.versionId", "Appointment.meta.versionId", "a new version id", "absent", "The changed Appointment has no meta.versionId.");
        else if (version == previousVersion)
            check.Fail("meta.versionId", "Appointment.meta.versionId", $"not {previousVersion}", version,
                $"Appointment.meta.versionId is still {version}: every successful amend or cancel must produce a new version.");
        return check;
    }

    /// <summary>The cancellation-reason extension carries the sent text or a leading part of it (providers may truncate).</summary>
    public static Check CancellationReason(ElementNode appointment, string sent)
    {
        var check = new Check();
        var reason = Extension(appointment, AppointmentRequests.CancellationReasonUrl)?.SelectValue("valueString");
        if (string.IsNullOrEmpty(reason) || !sent.StartsWith(reason, StringComparison.Ordinal))
            check.Fail("extension.cancellation-reason", "Appointment.extension(cancellationReason).valueString", sent, reason ?? "absent",
                $"The cancelled Appointment should carry the cancellation reason that was sent (\"{Shorten(sent)}\") but it has {(reason is null ? "none" : $"\"{Shorten(reason)}\"")}.");
        return check;
    }

    /// <summary>The appointment's delivery channel extension has this code.</summary>
    public static Check DeliveryChannel(ElementNode appointment, string expected)
    {
        var check = new Check();
        var code = Extension(appointment, FreeSlot.DeliveryChannelUrl)?.SelectValue("valueCode");
        if (code != expected)
            check.Fail("extension.delivery-channel", $"{appointment.Path}.extension(deliveryChannel).valueCode", expected, code ?? "absent",
                $"The appointment's delivery channel should be \"{expected}\" but it is {(code is null ? "absent" : $"\"{code}\"")}.");
        return check;
    }

    /// <summary>The appointment references exactly these slots.</summary>
    public static Check Slots(ElementNode appointment, IReadOnlyList<string> slotIds)
    {
        var check = new Check();
        var actual = appointment.Select("slot.reference").Select(r => r.Value).ToList();
        var expected = slotIds.Select(id => $"Slot/{id}").ToList();
        if (!actual.Order().SequenceEqual(expected.Order()))
            check.Fail("appointment.slot", "Appointment.slot", string.Join(", ", expected), actual.Count == 0 ? "none" : string.Join(", ", actual),
                $"The appointment should reference {string.Join(" and ", expected)} but references {(actual.Count == 0 ? "no slot" : string.Join(", ", actual))}.");
        return check;
    }

    /// <summary>The searchset holds an Appointment with this id.</summary>
    public static Check BundleHasAppointment(ProviderResponse response, string id, string what)
    {
        var check = BundleChecks.Searchset(response);
        if (!check.Passed) return check;
        var ids = response.BundleEntries("Appointment").Select(a => a.SelectValue("id")).ToList();
        if (!ids.Contains(id))
            check.Fail("retrieve.contains", "Bundle.entry.resource", $"Appointment/{id}", ids.Count == 0 ? "no appointments" : string.Join(", ", ids.Select(i => $"Appointment/{i}")),
                $"The patient's appointments should include {what} (Appointment/{id}) but the provider returned {(ids.Count == 0 ? "none" : string.Join(", ", ids.Select(i => $"Appointment/{i}")))}.");
        return check;
    }

    /// <summary>Every resource of the type has delivery channel codes from <paramref name="allowed"/> (#826: never Visit in search).</summary>
    public static Check EveryDeliveryChannelIn(ProviderResponse response, string resourceType, IReadOnlyCollection<string> allowed)
    {
        var check = new Check();
        foreach (var resource in response.BundleEntries(resourceType))
        {
            var code = Extension(resource, FreeSlot.DeliveryChannelUrl)?.SelectValue("valueCode");
            if (code is null || !allowed.Contains(code))
                check.Fail("extension.delivery-channel", $"{resource.Path}.extension(deliveryChannel).valueCode", string.Join(" or ", allowed), code ?? "absent",
                    $"{resourceType}/{resource.SelectValue("id")} has delivery channel {(code is null ? "absent" : $"\"{code}\"")}; a free-slot search may offer only {string.Join(", ", allowed)} (Visit slots are never offered, #826).");
        }
        return check;
    }

    /// <summary>Every resource of the type writes these dateTimes as UK local time with the right offset (Appointment Management date and time rules).</summary>
    public static Check EveryTimeInUkLocalTime(ProviderResponse response, string resourceType, params string[] paths)
    {
        var check = new Check();
        foreach (var resource in response.BundleEntries(resourceType))
            foreach (var path in paths)
            {
                var value = resource.SelectValue(path);
                if (!UkDateTimeText.IsUkLocal(value))
                    check.Fail("datetime.uk-offset", $"{resource.Path}.{path}", "yyyy-mm-ddThh:mm:ss+00:00 (GMT) or +01:00 (BST)", value ?? "absent",
                        $"{resourceType}/{resource.SelectValue("id")}.{path} is \"{value}\": times must be UK local time with the GMT/BST offset, not UTC or another form.");
            }
        return check;
    }

    /// <summary>The searchset holds a Schedule whose practitioner-role extension has this SDS job-role code (#636).</summary>
    public static Check HasScheduleWithRole(ProviderResponse response, string roleCode)
    {
        var check = new Check();
        var roles = response.BundleEntries("Schedule")
            .SelectMany(s => s.Children("extension").Where(e => e.SelectValue("url") == PractitionerRoleUrl))
            .SelectMany(e => e.Select("valueCodeableConcept.coding.code").Select(c => c.Value))
            .Where(c => c is not null).Distinct().ToList();
        if (!roles.Contains(roleCode))
            check.Fail("schedule.practitioner-role", "Schedule.extension(practitionerRole)", roleCode, roles.Count == 0 ? "none" : string.Join(", ", roles),
                $"No Schedule with practitioner role {roleCode} was offered (roles offered: {(roles.Count == 0 ? "none" : string.Join(", ", roles))}); " +
                "schedules of the #636 job roles must be bookable through GP Connect.");
        return check;
    }

    /// <summary>
    /// A 201 names the new version (APT-075): <c>ETag: W/"vid"</c> and <c>Location: …/Appointment/[id]/_history/[vid]</c>, with
    /// vid the body's meta.versionId.
    /// </summary>
    public static Check CreatedHeaders(ProviderResponse response)
    {
        var check = IsAppointment(response);
        if (!check.Passed) return check;
        var id = response.Resource!.SelectValue("id");
        var version = response.Resource.SelectValue("meta.versionId");
        var eTag = response.Exchange.ResponseHeader("ETag");
        var location = response.Exchange.ResponseHeader("Location");
        if (eTag != $"W/\"{version}\"")
            check.Fail("header.etag", "ETag", $"W/\"{version}\"", eTag ?? "absent", $"The ETag header should be W/\"{version}\" (the body's meta.versionId) but it is {eTag ?? "absent"}.");
        var expectedEnd = $"/Appointment/{id}/_history/{version}";
        if (location is null || !location.EndsWith(expectedEnd, StringComparison.Ordinal))
            check.Fail("header.location", "Location", $"[base]{expectedEnd}", location ?? "absent",
                $"The Location header should end with {expectedEnd} but it is {location ?? "absent"}.");
        return check;
    }

    /// <summary>
    /// The booking organisation comes back as the consumer sent it (APT-080, APT-119, APT-134): the booking-organisation
    /// extension references a contained Organization with the consumer's ODS code, name and telephone.
    /// </summary>
    public static Check BookingOrganisation(ElementNode appointment, string odsCode, string name, string telephone)
    {
        var check = new Check();
        var reference = appointment.Children("extension").FirstOrDefault(e => e.SelectValue("url") == AppointmentRequests.BookingOrganisationUrl)
            ?.SelectValue("valueReference.reference");
        if (reference is null || !reference.StartsWith('#'))
            return check.Fail("extension.booking-organisation", "Appointment.extension(bookingOrganisation)", "#<contained id>", reference ?? "absent",
                "The appointment has no booking-organisation extension referencing a contained Organization.");
        var organisation = appointment.Children("contained").FirstOrDefault(c => "#" + c.SelectValue("id") == reference);
        if (organisation is null)
            return check.Fail("contained.booking-organisation", "Appointment.contained", $"Organization {reference}", "absent",
                $"The booking-organisation extension references {reference} but no contained resource has that id.");
        void Expect(string path, string expected)
        {
            var values = organisation.Select(path).Select(n => n.Value).ToList();
            if (!values.Contains(expected))
                check.Fail("booking-organisation.stored", $"{organisation.Path}.{path}", expected, values.Count == 0 ? "absent" : string.Join(", ", values),
                    $"The booking organisation's {path} should be \"{expected}\" as the consumer sent it, but it is {(values.Count == 0 ? "absent" : string.Join(", ", values))}.");
        }
        Expect("identifier.value", odsCode);
        Expect("name", name);
        Expect("telecom.value", telephone);
        return check;
    }

    /// <summary>A free-slot search after a booking no longer offers the booked slots (APT-084).</summary>
    public static Check NotOffered(ProviderResponse search, IReadOnlyList<string> bookedSlotIds)
    {
        var check = BundleChecks.Searchset(search);
        if (!check.Passed) return check;
        var offered = search.BundleEntries("Slot").Select(s => s.SelectValue("id")).Where(bookedSlotIds.Contains).ToList();
        if (offered.Count > 0)
            check.Fail("slot.still-free", "Bundle.entry.resource(Slot)", "booked slots absent", string.Join(", ", offered.Select(o => $"Slot/{o}")),
                $"{string.Join(", ", offered.Select(o => $"Slot/{o}"))} {(offered.Count == 1 ? "is" : "are")} still offered as free after being booked.");
        return check;
    }

    /// <summary>The searchset holds no resource of the type (e.g. no Location without the recursive include, APT-031).</summary>
    public static Check NoneOfType(ProviderResponse response, string resourceType)
    {
        var check = BundleChecks.Searchset(response);
        if (!check.Passed) return check;
        var count = response.BundleEntries(resourceType).Count;
        if (count > 0)
            check.Fail("bundle.unrequested", "Bundle.entry.resource", $"no {resourceType}", count.ToString(),
                $"The Bundle holds {count} {resourceType} resource(s) that the search did not ask for.");
        return check;
    }

    public const string PractitionerRoleUrl = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-PractitionerRole-1";

    /// <summary>Two searches as different organisation types must not offer the same slots when the practice restricts some.</summary>
    public static Check OffersDiffer(IReadOnlyCollection<string> first, IReadOnlyCollection<string> second, string firstWho, string secondWho)
    {
        var check = new Check();
        if (first.Count == 0 || second.Count == 0)
            return check.Fail("bundle.entries", "Bundle.entry.resource", "free slots for both searches", $"{first.Count} and {second.Count}",
                "Both searches must return free slots for the restriction comparison to mean anything; check the provider's test data.");
        if (first.ToHashSet().SetEquals(second))
            check.Fail("slot-availability.restrictions", "Bundle.entry.resource(Slot)", $"different slots for {firstWho} and {secondWho}", $"the same {first.Count} slots",
                $"A search as {firstWho} and a search as {secondWho} offered exactly the same {first.Count} slots: slots restricted to one organisation type must not be offered to the other.");
        return check;
    }

    private static ElementNode? Extension(ElementNode resource, string url) =>
        resource.Children("extension").FirstOrDefault(e => e.SelectValue("url") == url);

    private static string Shorten(string text) => text.Length <= 60 ? text : $"{text[..57]}… ({text.Length} characters)";

    private static string Summary(ProviderResponse response) =>
        response.Resource?.ResourceType == "Appointment" ? $" with an Appointment (status {response.Resource.SelectValue("status")})" : "";
}
