namespace GpConnect.Conformance.Fhir.Definitions;

/// <summary>
/// The GP Connect 1.2.7 release-note changes that win over the older (or later) official profile assets:
/// #912 cardinalities of serviceType/serviceCategory, #826 the 'Visit' delivery channel and #636 the extended
/// practitioner-role codes. Applying them twice is harmless.
/// </summary>
public static class ReleaseNoteOverrides
{
    /// <summary>Delivery channel code system (#826 adds <c>Visit</c>).</summary>
    public const string DeliveryChannelSystem = "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-DeliveryChannel-1";

    /// <summary>Delivery channel value set.</summary>
    public const string DeliveryChannelValueSet = "https://fhir.nhs.uk/STU3/ValueSet/GPConnect-DeliveryChannel-1";

    /// <summary>SDS job role code system used by the practitioner-role extension.</summary>
    public const string SdsJobRoleSystem = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-SDSJobRoleName-1";

    /// <summary>Practitioner role value set (#636 extends it).</summary>
    public const string PractitionerRoleValueSet = "https://fhir.nhs.uk/STU3/ValueSet/GPConnect-PractitionerRole-1";

    /// <summary>The job roles #636 adds to GPConnect-PractitionerRole-1 (code, display).</summary>
    public static readonly IReadOnlyList<(string Code, string Display)> ExtendedPractitionerRoles = new[]
    {
        ("R0243", "Other Community Health Service - Social Care Worker"),
        ("R1070", "Paramedic"),
        ("R1110", "Physiotherapist"),
        ("R1370", "Practitioner"),
        ("R1440", "Therapist"),
        ("R1540", "Associate Practitioner"),
        ("R1543", "Associate Practitioner - Nurse"),
        ("R1547", "Associate Practitioner - General Practitioner"),
    };

    /// <summary>One cardinality the release notes set: profile name, element path, min, max (null = '*').</summary>
    public sealed record CardinalityOverride(string Profile, string Path, int Min, int? Max, string Reason);

    /// <summary>The cardinalities set by the release notes, with <paramref name="serviceTypeMax"/> for the serviceType elements.</summary>
    public static IReadOnlyList<CardinalityOverride> Cardinalities(int? serviceTypeMax = 1) => new[]
    {
        new CardinalityOverride("GPConnect-Slot-1", "Slot.serviceType", 0, serviceTypeMax, "#912: Slot.serviceType 0..1 (slot type)"),
        new CardinalityOverride("GPConnect-Slot-1", "Slot.serviceCategory", 0, 0, "#912 leaves Slot.serviceCategory 0..0"),
        new CardinalityOverride("GPConnect-Schedule-1", "Schedule.serviceCategory", 0, 1, "#912: Schedule.serviceCategory 0..1 (schedule type)"),
        new CardinalityOverride("GPConnect-Schedule-1", "Schedule.serviceType", 0, 0, "#912 leaves Schedule.serviceType 0..0"),
        new CardinalityOverride("GPConnect-Appointment-1", "Appointment.serviceCategory", 0, 1, "#912: Appointment.serviceCategory 0..1"),
        new CardinalityOverride("GPConnect-Appointment-1", "Appointment.serviceType", 0, serviceTypeMax, "#912: Appointment.serviceType 0..1"),
    };

    /// <summary>Applies the release-note changes to <paramref name="set"/> in place.</summary>
    public static void Apply(DefinitionSet set, int? serviceTypeMax = 1)
    {
        foreach (var o in Cardinalities(serviceTypeMax))
        {
            var e = set.FindStructure(o.Profile)?.Find(o.Path);
            if (e is null) continue;
            e.Min = o.Min;
            e.Max = o.Max;
        }
        // The 2023 asset of the practitioner-role extension binds the whole SDS job-role list (1.2.9); in 1.2.7 it binds
        // GPConnect-PractitionerRole-1 (extensible), extended by #636.
        if (set.FindStructure("Extension-GPConnect-PractitionerRole-1")?.Find("Extension.value[x]") is { } role)
            role.Binding = new BindingInfo("extensible", PractitionerRoleValueSet);
        if (set.FindValueSet(DeliveryChannelValueSet) is { } channels)
            channels.Add(new CodeInfo(DeliveryChannelSystem, "Visit", "Visit"));
        if (set.FindValueSet(PractitionerRoleValueSet) is { } roles)
            foreach (var (code, display) in ExtendedPractitionerRoles)
                roles.Add(new CodeInfo(SdsJobRoleSystem, code, display));
        AcceptSpineValueSetUrlAsSystem(set);
    }

    /// <summary>Spine error code system URL (the asset's fixed value).</summary>
    public const string SpineErrorCodeSystem = "https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1";

    /// <summary>Spine error value set URL, which every Foundations/AM error example uses as the coding system.</summary>
    public const string SpineErrorValueSet = "https://fhir.nhs.uk/STU3/ValueSet/Spine-ErrorOrWarningCode-1";

    /// <summary>
    /// A known defect of the spec examples: every Foundations and Appointment Management error example codes the Spine error with the value
    /// set URL as its system, the Access Record Structured pages with the code system URL; either is accepted, anything
    /// else fails. The asset fixes the code system URL, so the fixed value gives way to the required binding, whose value
    /// set then lists each code under both URLs.
    /// </summary>
    private static void AcceptSpineValueSetUrlAsSystem(DefinitionSet set)
    {
        if (set.FindStructure("GPConnect-OperationOutcome-1")?.Find("OperationOutcome.issue.details.coding.system") is { } system
            && system.Fixed.Any(f => f.Value == SpineErrorCodeSystem))
            system.Fixed = Array.Empty<KeyValuePair<string, string>>();
        if (set.FindValueSet(SpineErrorValueSet) is { } codes)
            foreach (var code in codes.Codes.Where(c => c.System == SpineErrorCodeSystem).ToList())
                if (codes.Find(SpineErrorValueSet, code.Code) is null)
                    codes.Add(code with { System = SpineErrorValueSet });
    }
}
