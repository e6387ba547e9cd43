using System.Globalization;
using GpConnect.Conformance.Fhir;
using GpConnect.Conformance.Specs.Domain;
using GpConnect.Conformance.Specs.Domain.Appointments;

namespace GpConnect.Conformance.Specs.Checks.Appointments;

/// <summary>
/// Checks on a Search for free slots searchset (the Appointment Management pages): the window, the links between Slots, Schedules
/// and the included resources, the elements those resources must or must not carry, and practitioner-role codings (#636).
/// Pure functions; each failure names the rule, the element path, expected and actual.
/// </summary>
public static partial class SlotSearchChecks
{
    /// <summary>The resource types a free-slot searchset may hold.</summary>
    public static readonly IReadOnlyList<string> AllowedTypes = ["Slot", "Schedule", "Practitioner", "Location", "Organization"];

    /// <summary>APT-025: every Slot starts at or after the window's start and ends at or before its end (instants compared).</summary>
    public static Check EverySlotInsideWindow(ProviderResponse response, DateTimeOffset windowStart, DateTimeOffset windowEnd)
    {
        var check = new Check();
        foreach (var slot in response.BundleEntries("Slot"))
        {
            var start = Instant(slot.SelectValue("start"));
            var end = Instant(slot.SelectValue("end"));
            if (start is null || end is null || start < windowStart || end > windowEnd)
                check.Fail("slot-search.window", $"{slot.Path}.start/end", $"within {Format(windowStart)} … {Format(windowEnd)}",
                    $"{slot.SelectValue("start") ?? "absent"} … {slot.SelectValue("end") ?? "absent"}",
                    $"Slot/{slot.SelectValue("id")} ({slot.SelectValue("start")} to {slot.SelectValue("end")}) lies outside the search window " +
                    $"{Format(windowStart)} to {Format(windowEnd)}: only slots wholly inside the window may be returned.");
        }
        return check;
    }

    /// <summary>The slot with this id is (or, with <paramref name="expected"/> false, is not) among the offered slots.</summary>
    public static Check SlotOffered(ProviderResponse response, string slotId, bool expected, string why)
    {
        var check = BundleChecks.Searchset(response);
        if (!check.Passed) return check;
        var offered = response.BundleEntries("Slot").Any(s => s.SelectValue("id") == slotId);
        if (offered != expected)
            check.Fail("slot-search.window", "Bundle.entry.resource(Slot)", expected ? $"Slot/{slotId} offered" : $"Slot/{slotId} absent",
                offered ? "offered" : "absent",
                expected ? $"Slot/{slotId} should be offered but is not: {why}." : $"Slot/{slotId} should not be offered but is: {why}.");
        return check;
    }

    /// <summary>APT-028: every Slot.schedule.reference resolves to a Schedule entry of the bundle.</summary>
    public static Check EverySlotScheduleInBundle(ProviderResponse response)
    {
        var check = new Check();
        var schedules = Ids(response, "Schedule");
        foreach (var slot in response.BundleEntries("Slot"))
        {
            var reference = slot.SelectValue("schedule.reference");
            if (reference is null || !schedules.Contains(reference))
                check.Fail("slot-search.schedule-included", $"{slot.Path}.schedule.reference", "a Schedule in the bundle", reference ?? "absent",
                    $"Slot/{slot.SelectValue("id")} references {reference ?? "no schedule"}, which the bundle does not hold (_include=Slot:schedule returns every slot's Schedule).");
        }
        return check;
    }

    /// <summary>APT-029: every Schedule is referenced by a returned Slot and the bundle holds only the five allowed types.</summary>
    public static Check NoOrphansOrOtherTypes(ProviderResponse response)
    {
        var check = BundleChecks.Searchset(response);
        if (!check.Passed) return check;
        var referenced = response.BundleEntries("Slot").Select(s => s.SelectValue("schedule.reference")).ToHashSet();
        foreach (var schedule in response.BundleEntries("Schedule"))
            if (!referenced.Contains($"Schedule/{schedule.SelectValue("id")}"))
                check.Fail("slot-search.orphan-schedule", schedule.Path, "referenced by a returned Slot", "referenced by none",
                    $"Schedule/{schedule.SelectValue("id")} is in the bundle but no returned Slot references it: only the returned slots' Schedules belong there.");
        foreach (var other in response.BundleEntries().Where(r => !AllowedTypes.Contains(r.ResourceType ?? "")))
            check.Fail("slot-search.resource-types", other.Path, string.Join(", ", AllowedTypes), other.ResourceType,
                $"The bundle holds a {other.ResourceType}; a free-slot search returns only {string.Join(", ", AllowedTypes)}.");
        return check;
    }

    /// <summary>APT-030: every Schedule names a Location among its actors.</summary>
    public static Check EveryScheduleHasLocationActor(ProviderResponse response)
    {
        var check = new Check();
        foreach (var schedule in response.BundleEntries("Schedule"))
        {
            var actors = schedule.Select("actor.reference").Select(a => a.Value ?? "").ToList();
            if (!actors.Any(a => a.StartsWith("Location/", StringComparison.Ordinal)))
                check.Fail("schedule.location-actor", $"{schedule.Path}.actor", "a Location reference", actors.Count == 0 ? "no actors" : string.Join(", ", actors),
                    $"Schedule/{schedule.SelectValue("id")} has no Location actor ({(actors.Count == 0 ? "no actors" : string.Join(", ", actors))}): every schedule must name the surgery where its appointments happen.");
        }
        return check;
    }

    /// <summary>
    /// APT-032/APT-033: every actor of this type that a Schedule names is in the bundle, and each such entry has
    /// <paramref name="required"/> and none of <paramref name="prohibited"/>.
    /// </summary>
    public static Check IncludedActors(ProviderResponse response, string actorType, IReadOnlyList<string> required, IReadOnlyList<string> prohibited)
    {
        var check = new Check();
        var held = Ids(response, actorType);
        var named = response.BundleEntries("Schedule").SelectMany(s => s.Select("actor.reference")).Select(a => a.Value ?? "")
            .Where(r => r.StartsWith(actorType + "/", StringComparison.Ordinal)).Distinct();
        foreach (var reference in named.Where(r => !held.Contains(r)))
            check.Fail("slot-search.actor-included", "Bundle.entry.resource", reference, "absent",
                $"A Schedule names {reference} but the bundle does not hold it although the search asked for the schedules' {actorType} resources.");
        foreach (var resource in response.BundleEntries(actorType))
        {
            foreach (var path in required.Where(p => resource.Select(p).All(n => string.IsNullOrWhiteSpace(n.Value) && !n.Children().Any())))
                check.Fail("element.required", $"{resource.Path}.{path}", "populated", "absent",
                    $"{actorType}/{resource.SelectValue("id")} has no {path}, which an included {actorType} must carry.");
            foreach (var element in prohibited.Where(e => resource.Children(e).Any()))
                check.Fail("element.prohibited", $"{resource.Path}.{element}", "absent", "present",
                    $"{actorType}/{resource.SelectValue("id")} carries {element}, which an included {actorType} must not populate.");
        }
        return check;
    }

    /// <summary>APT-036/APT-072: every Location's managingOrganization resolves to an Organization entry of the bundle.</summary>
    public static Check LocationsManagedByBundledOrganisation(ProviderResponse response)
    {
        var check = new Check();
        var organisations = Ids(response, "Organization");
        foreach (var location in response.BundleEntries("Location"))
        {
            var reference = location.SelectValue("managingOrganization.reference");
            if (reference is null || !organisations.Contains(reference))
                check.Fail("location.managing-organization", $"{location.Path}.managingOrganization", $"one of {(organisations.Count == 0 ? "no Organization" : string.Join(", ", organisations))}",
                    reference ?? "absent",
                    $"Location/{location.SelectValue("id")} ({location.SelectValue("name")}) has managingOrganization {reference ?? "absent"}, which should resolve to the practice Organization in the bundle.");
        }
        return check;
    }

    /// <summary>APT-072: the bundle holds a Location with this name (the branch surgery of a schedule).</summary>
    public static Check HasLocationNamed(ProviderResponse response, string name)
    {
        var check = new Check();
        var names = response.BundleEntries("Location").Select(l => l.SelectValue("name")).ToList();
        if (!names.Contains(name))
            check.Fail("slot-search.branch-location", "Bundle.entry.resource(Location).name", name, names.Count == 0 ? "no Location" : string.Join(", ", names),
                $"No Location named \"{name}\" came back; the branch surgery's schedules should bring their own Location (found: {(names.Count == 0 ? "none" : string.Join(", ", names))}).");
        return check;
    }

    /// <summary>APT-035/APT-037: the Organization carries profile, version, name and the service root's ODS code, and no contact or endpoint.</summary>
    public static Check PracticeOrganisation(ProviderResponse response, string odsCode)
    {
        var check = BundleChecks.Contains(response, "Organization");
        if (!check.Passed) return check;
        foreach (var organisation in response.BundleEntries("Organization"))
        {
            var id = organisation.SelectValue("id");
            if (!organisation.Select("meta.profile").Any(p => p.Value == OrganisationProfile))
                check.Fail("meta.profile", $"{organisation.Path}.meta.profile", OrganisationProfile, "absent", $"Organization/{id} does not declare {OrganisationProfile}.");
            if (string.IsNullOrWhiteSpace(organisation.SelectValue("meta.versionId")))
                check.Fail("meta.versionId", $"{organisation.Path}.meta.versionId", "a version id", "absent", $"Organization/{id} has no meta.versionId.");
            if (string.IsNullOrWhiteSpace(organisation.SelectValue("name")))
                check.Fail("element.required", $"{organisation.Path}.name", "the practice name", "absent", $"Organization/{id} has no name.");
            var odsCodes = organisation.Children("identifier").Where(i => i.SelectValue("system") == SlotSearch.OdsSystem).Select(i => i.SelectValue("value")).ToList();
            if (!odsCodes.Contains(odsCode))
                check.Fail("organization.ods-code", $"{organisation.Path}.identifier", $"{SlotSearch.OdsSystem}|{odsCode}",
                    odsCodes.Count == 0 ? "no ODS identifier" : string.Join(", ", odsCodes),
                    $"Organization/{id} should carry the ODS code {odsCode} of the practice the service root names, under {SlotSearch.OdsSystem}, but has {(odsCodes.Count == 0 ? "no identifier with that system" : string.Join(", ", odsCodes))}.");
            foreach (var element in new[] { "contact", "endpoint" }.Where(e => organisation.Children(e).Any()))
                check.Fail("element.prohibited", $"{organisation.Path}.{element}", "absent", "present", $"Organization/{id} carries {element}, which must not be populated.");
        }
        return check;
    }

    /// <summary>APT-038: the searchset holds no entries at all (no slot, hence no Organization either).</summary>
    public static Check Empty(ProviderResponse response)
    {
        var check = BundleChecks.Searchset(response);
        if (!check.Passed) return check;
        var types = response.BundleEntries().Select(e => e.ResourceType).ToList();
        if (types.Count > 0)
            check.Fail("slot-search.empty", "Bundle.entry", "no entries", string.Join(", ", types.GroupBy(t => t).Select(g => $"{g.Count()} {g.Key}")),
                $"A window without free slots should give an empty searchset, but the bundle holds {string.Join(", ", types.GroupBy(t => t).Select(g => $"{g.Count()} {g.Key}"))}.");
        return check;
    }

    /// <summary>
    /// APT-046/TKT-004: each resource of the type has a practitioner-role extension, each with exactly one coding, the SDS
    /// job-role system and a code of the GP Connect list with its listed display.
    /// </summary>
    public static Check PractitionerRoles(IEnumerable<ElementNode> resources, bool roleRequired)
    {
        var check = new Check();
        foreach (var resource in resources)
        {
            var label = $"{resource.ResourceType}/{resource.SelectValue("id")}";
            var roles = resource.Children("extension").Where(e => e.SelectValue("url") == PractitionerRoleCodes.ExtensionUrl).ToList();
            if (roles.Count == 0 && roleRequired)
                check.Fail("practitioner-role.present", $"{resource.Path}.extension(practitionerRole)", "a practitioner role", "absent",
                    $"{label} has no practitioner-role extension; every bookable schedule carries the role its practice configured.");
            foreach (var role in roles)
            {
                var codings = role.Select("valueCodeableConcept.coding").ToList();
                if (codings.Count != 1)
                    check.Fail("practitioner-role.codings", $"{role.Path}.valueCodeableConcept.coding", "exactly 1", codings.Count.ToString(CultureInfo.InvariantCulture),
                        $"{label}'s practitioner role has {codings.Count} codings; it must have exactly one (#636).");
                foreach (var coding in codings)
                {
                    var (system, code, display) = (coding.SelectValue("system"), coding.SelectValue("code"), coding.SelectValue("display"));
                    if (system != PractitionerRoleCodes.System)
                        check.Fail("practitioner-role.system", $"{coding.Path}.system", PractitionerRoleCodes.System, system ?? "absent",
                            $"{label}'s practitioner-role coding uses the system {system ?? "(none)"}; it must be {PractitionerRoleCodes.System}.");
                    // The binding is extensible: another SDS job-role code (R + four digits) is a warning, not a failure.
                    if (code is null || !SdsJobRoleCode().IsMatch(code))
                        check.Fail("practitioner-role.code", $"{coding.Path}.code", "an SDS job-role code of the GP Connect list", code ?? "absent",
                            $"{label}'s practitioner-role code {code ?? "(none)"} is not an SDS job-role code (the list has 28, e.g. R0260 General Medical Practitioner).");
                    else if (PractitionerRoleCodes.Displays.TryGetValue(code, out var listed) && display != listed)
                        check.Fail("practitioner-role.display", $"{coding.Path}.display", listed, display ?? "absent",
                            $"{label}'s practitioner-role {code} has display \"{display ?? "(none)"}\"; the listed display is \"{listed}\".");
                    else if (!PractitionerRoleCodes.Displays.ContainsKey(code))
                        check.Warn("practitioner-role.unlisted", $"{coding.Path}.code", "one of the 28 GP Connect job roles", $"{code} {display}".Trim(),
                            $"{label}'s practitioner role {code} ({display ?? "no display"}) is an SDS job-role code outside the GP Connect list; the binding is extensible, so consumers may not recognise it (#636).");
                }
            }
        }
        return check;
    }

    /// <summary>APT-049: no Slot of the schedule starts at this UK local time of day (the slot the practice did not make bookable).</summary>
    public static Check NoSlotAt(ProviderResponse response, string scheduleId, TimeOnly localTime)
    {
        var check = BundleChecks.Searchset(response);
        if (!check.Passed) return check;
        var offered = response.BundleEntries("Slot")
            .Where(s => s.SelectValue("schedule.reference") == $"Schedule/{scheduleId}")
            .Where(s => s.SelectValue("start") is { Length: >= 19 } start && start.Substring(11, 5) == localTime.ToString("HH:mm", CultureInfo.InvariantCulture))
            .Select(s => $"Slot/{s.SelectValue("id")} ({s.SelectValue("start")})").ToList();
        if (offered.Count > 0)
            check.Fail("slot-search.gp-connect-bookable", "Bundle.entry.resource(Slot)", $"no slot of Schedule/{scheduleId} at {localTime:HH:mm}", string.Join(", ", offered),
                $"{string.Join(", ", offered)} {(offered.Count == 1 ? "is" : "are")} offered, but the practice has not made the {localTime:HH:mm} slot of Schedule/{scheduleId} bookable through GP Connect.");
        return check;
    }

    /// <summary>APT-050: no Slot starts after the last day of the practice's booking window.</summary>
    public static Check NoSlotAfter(ProviderResponse response, DateOnly lastBookableDay)
    {
        var check = BundleChecks.Searchset(response);
        if (!check.Passed) return check;
        var late = response.BundleEntries("Slot")
            .Where(s => Instant(s.SelectValue("start")) is { } start && DateOnly.FromDateTime(start.DateTime) > lastBookableDay)
            .Select(s => $"Slot/{s.SelectValue("id")} ({s.SelectValue("start")})").ToList();
        if (late.Count > 0)
            check.Fail("slot-search.booking-window", "Bundle.entry.resource(Slot).start", $"no slot after {lastBookableDay:yyyy-MM-dd}", $"{late.Count} slot(s)",
                $"{late.Count} slot(s) beyond the practice's booking window (last bookable day {lastBookableDay:yyyy-MM-dd}) are offered, e.g. {string.Join(", ", late.Take(3))}.");
        return check;
    }

    public const string OrganisationProfile = "https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Organization-1";

    [System.Text.RegularExpressions.GeneratedRegex(@"^R\d{4}$")]
    private static partial System.Text.RegularExpressions.Regex SdsJobRoleCode();

    private static HashSet<string> Ids(ProviderResponse response, string type) =>
        response.BundleEntries(type).Select(r => $"{type}/{r.SelectValue("id")}").ToHashSet();

    private static DateTimeOffset? Instant(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant : null;

    private static string Format(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
