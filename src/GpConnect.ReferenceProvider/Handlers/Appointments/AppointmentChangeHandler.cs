using System.Text.Json.Nodes;
using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Pipeline;
using GpConnect.ReferenceProvider.Practice;
using GpConnect.ReferenceProvider.Practice.Appointments;
using static GpConnect.ReferenceProvider.Handlers.Appointments.AppointmentBody;

namespace GpConnect.ReferenceProvider.Handlers.Appointments;

/// <summary>
/// What Amend and Cancel (both <c>PUT /Appointment/[id]</c>) share: the appointment must exist, start today or later and
/// not be a Visit (#826); <c>If-Match</c> must name the current version (409 otherwise); and the body may differ from the
/// stored appointment only in the elements the interaction is allowed to change (422 INVALID_RESOURCE otherwise).
/// </summary>
internal abstract class AppointmentChangeHandler(AppointmentAccess access, AppointmentMapper mapper, ActiveFaults faults)
    : IInteractionHandler
{
    public abstract Interaction Interaction { get; }

    protected ActiveFaults Faults => faults;

    public ProviderResponse Handle(ProviderRequest request)
    {
        try
        {
            return Apply(request);
        }
        catch (ProviderException refusal) when (refusal.Error == SpineError.InvalidResource && faults.Waives(ProviderRule.ChangesInvalidBodyIsInvalidResource))
        {
            throw ProviderException.BadRequest(refusal.Message);
        }
    }

    private ProviderResponse Apply(ProviderRequest request)
    {
        var body = Read(request);
        var current = access.Find(request.Path.Id!);
        if (current.DeliveryChannel == DeliveryChannels.Visit && !faults.Waives(ProviderRule.ChangesRefuseVisitAppointments))
            Invalid($"Appointment/{current.Id} is a Visit: visits can be read and retrieved but not amended or cancelled through GP Connect (#826).");
        if (access.IsRefusedAsPast(current))
            Invalid($"Appointment/{current.Id} is in the past ({UkDateTime.Format(current.Start)}) and can no longer be changed.");
        if (HasAbsoluteReference(body))
        {
            if (faults.Waives(ProviderRule.ChangesRefuseAbsoluteReferences)) MakeRelative(body);
            else Invalid("Only relative references (Type/id, #id) are allowed.");
        }
        CheckState(current);

        var expectedVersion = faults.Waives(ProviderRule.ChangesCheckVersion) ? null : VersionIn(request);
        var stored = mapper.Plain(current);
        CheckOnlyAllowedChanges(Comparable(body), Comparable(stored));
        var change = Change(body, current);
        var (updated, refusal) = Interaction == Interaction.AmendAppointment && faults.Waives(ProviderRule.AmendPersists)
            ? (expectedVersion is null || expectedVersion == current.VersionId
                ? (change(current) with { VersionId = current.VersionId + "1" }, BookingRefusal.None)
                : (null, BookingRefusal.VersionConflict))
            : access.Book.Update(current.Id, expectedVersion, change);
        if (refusal == BookingRefusal.VersionConflict)
            throw new ProviderException(AppointmentErrors.VersionConflict,
                $"If-Match {request.Headers?.IfMatch} does not name the current version of Appointment/{current.Id}; read it again and resend.");
        if (refusal == BookingRefusal.NotFound) throw new ProviderException(SpineError.NoRecordFound, $"No Appointment with id '{current.Id}'.");
        return ProviderResponse.Read(mapper.Appointment(updated!));
    }

    /// <summary>Refuses the change when the appointment's state does not allow it (e.g. #601 for amend).</summary>
    protected abstract void CheckState(PracticeAppointment current);

    /// <summary>Strips the elements this interaction may change, so that what remains must equal the stored appointment.</summary>
    protected abstract void RemoveChangeable(JsonObject resource);

    /// <summary>Validates the changeable elements of the body against the stored appointment and returns the change to apply.</summary>
    protected abstract Func<PracticeAppointment, PracticeAppointment> Change(JsonObject body, PracticeAppointment stored);

    /// <summary>What the interaction may change, for the 422 message.</summary>
    protected abstract string Allowed { get; }

    /// <summary>The rule that keeps other elements unchanged, which a fault may waive.</summary>
    protected abstract ProviderRule OnlyAllowedChangesRule { get; }

    private void CheckOnlyAllowedChanges(JsonObject sent, JsonObject stored)
    {
        if (faults.Waives(OnlyAllowedChangesRule)) return;
        var changed = sent.Select(p => p.Key).Union(stored.Select(p => p.Key))
            .Where(name => !JsonNode.DeepEquals(sent[name], stored[name]))
            .ToList();
        if (changed.Count > 0)
            Invalid($"{Interaction.Name} may change only {Allowed}; the request also changes {string.Join(", ", changed.Select(c => "Appointment." + c))}.");
    }

    private JsonObject Comparable(JsonObject resource)
    {
        var copy = (JsonObject)resource.DeepClone();
        copy.Remove("meta");
        copy.Remove("text");
        RemoveChangeable(copy);
        return copy;
    }

    /// <summary>Removes the cancellation-reason extension (and the extension array when it becomes empty).</summary>
    protected static void RemoveCancellationReason(JsonObject resource)
    {
        if (resource["extension"] is not JsonArray extensions) return;
        foreach (var extension in Extensions(resource, AppointmentExtensions.CancellationReason).ToList()) extensions.Remove(extension);
        if (extensions.Count == 0) resource.Remove("extension");
    }

    private static string? VersionIn(ProviderRequest request)
    {
        var ifMatch = request.Headers?.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch)) return null;
        var value = ifMatch.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        return value.Trim('"');
    }
}

/// <summary>Amend an appointment (spec: Amend an appointment): only description and comment may change; never a cancelled appointment (#601).</summary>
internal sealed class AmendAppointmentHandler(AppointmentAccess access, AppointmentMapper mapper, ActiveFaults faults)
    : AppointmentChangeHandler(access, mapper, faults)
{
    public override Interaction Interaction => Interaction.AmendAppointment;

    protected override string Allowed => "Appointment.description and Appointment.comment";

    protected override ProviderRule OnlyAllowedChangesRule => ProviderRule.AmendOnlyDescriptionAndComment;

    protected override void CheckState(PracticeAppointment current)
    {
        if (current.Status == AppointmentStatuses.Cancelled && !Faults.Waives(ProviderRule.AmendRefusesCancelled))
            Invalid($"Appointment/{current.Id} is cancelled: a cancelled appointment cannot be amended (#601).");
    }

    protected override void RemoveChangeable(JsonObject resource)
    {
        resource.Remove("description");
        resource.Remove("comment");
        if (Faults.Waives(ProviderRule.AmendRefusesCancellationReason)) RemoveCancellationReason(resource);
    }

    protected override Func<PracticeAppointment, PracticeAppointment> Change(JsonObject body, PracticeAppointment stored)
    {
        var description = Text(body, "description");
        var comment = Text(body, "comment");
        if (string.IsNullOrWhiteSpace(description)) Invalid("Appointment.description is mandatory.");
        (description, comment) = TextRules.Store(description!, comment, Faults);
        var reason = Extensions(body, AppointmentExtensions.CancellationReason).FirstOrDefault()?["valueString"]?.GetValue<string>();
        if (reason is not null && reason != stored.CancellationReason && !Faults.Waives(ProviderRule.AmendRefusesCancellationReason))
            Invalid("An amendment must not carry the cancellation-reason extension (#695): use Cancel an appointment to cancel it.");
        return current => current with
        {
            Description = description,
            Comment = comment,
            CancellationReason = reason is not null && Faults.Waives(ProviderRule.AmendRefusesCancellationReason) ? reason : current.CancellationReason,
        };
    }
}

/// <summary>Cancel an appointment (spec: Cancel an appointment): status → cancelled with a cancellation reason, nothing else changed.</summary>
internal sealed class CancelAppointmentHandler(AppointmentAccess access, AppointmentMapper mapper, ActiveFaults faults)
    : AppointmentChangeHandler(access, mapper, faults)
{
    /// <summary>Appointments whose first cancellation the cancel-fails-once fault has failed.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _failedOnce = new(StringComparer.Ordinal);

    public override Interaction Interaction => Interaction.CancelAppointment;

    protected override string Allowed => "Appointment.status and the cancellation-reason extension";

    protected override ProviderRule OnlyAllowedChangesRule => ProviderRule.CancelOnlyStatusAndReason;

    protected override void CheckState(PracticeAppointment current) { }

    protected override void RemoveChangeable(JsonObject resource)
    {
        resource.Remove("status");
        RemoveCancellationReason(resource);
        if (Faults.Waives(ProviderRule.CancelRequiresStatusAndReason) && resource["extension"] is JsonArray extensions)
            foreach (var unknown in extensions.OfType<JsonObject>().Where(e => Text(e, "url")?.Contains("Cancellation", StringComparison.OrdinalIgnoreCase) == true).ToList())
                extensions.Remove(unknown);
    }

    protected override Func<PracticeAppointment, PracticeAppointment> Change(JsonObject body, PracticeAppointment stored)
    {
        var reason = Extensions(body, AppointmentExtensions.CancellationReason).FirstOrDefault()?["valueString"]?.GetValue<string>();
        if (!Faults.Waives(ProviderRule.CancelRequiresStatusAndReason))
        {
            if (Text(body, "status") != AppointmentStatuses.Cancelled)
                Invalid($"{Interaction.Name} must set Appointment.status to \"cancelled\", not \"{Text(body, "status") ?? "absent"}\".");
            if (string.IsNullOrWhiteSpace(reason)) Invalid("A cancellation needs the cancellation-reason extension with a non-empty valueString.");
        }
        // A transient failure: the first valid cancellation of each appointment fails inside the provider; a retry succeeds.
        if (Faults.Waives(ProviderRule.CancelSucceedsFirstTime) && _failedOnce.TryAdd(stored.Id, 0))
            throw new ProviderException(SpineError.InternalServerError, $"Appointment/{stored.Id} could not be cancelled just now; try again.");
        var clearsComment = Faults.Waives(ProviderRule.CancelKeepsOtherElements);
        return current => current with { Status = AppointmentStatuses.Cancelled, CancellationReason = reason, Comment = clearsComment ? null : current.Comment };
    }
}
