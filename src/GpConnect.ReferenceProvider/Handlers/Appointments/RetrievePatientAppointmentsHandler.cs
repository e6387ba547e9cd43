using System.Globalization;
using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Fhir;
using GpConnect.ReferenceProvider.Pipeline;
using GpConnect.ReferenceProvider.Practice;
using GpConnect.ReferenceProvider.Practice.Appointments;
using GpConnect.ReferenceProvider.Resources;

namespace GpConnect.ReferenceProvider.Handlers.Appointments;

/// <summary>
/// Retrieve a patient's appointments (spec: Retrieve a patient's appointments): exactly one <c>start=ge</c> and one <c>start=le</c> full date,
/// neither before today, le not before ge (else 422 INVALID_PARAMETER); unknown patient → 404 PATIENT_NOT_FOUND. Returns
/// every appointment starting within the range from today on: every status, booking route and delivery channel.
/// </summary>
internal sealed class RetrievePatientAppointmentsHandler(
    AppointmentAccess access, AppointmentMapper mapper, ResourceMapper resources, ActiveFaults faults, TimeProvider clock, Func<string, bool> patientExists)
    : IInteractionHandler
{
    public Interaction Interaction => Interaction.RetrievePatientAppointments;

    public ProviderResponse Handle(ProviderRequest request)
    {
        if (faults.Waives(ProviderRule.RetrieveIgnoresUnknownParameters) && request.Query.Keys.FirstOrDefault(k => k != "start" && k != "_format") is { } unknown)
            Refuse($"The search parameter '{unknown}' is not supported.");
        var (from, to) = Range(request);
        var patientId = request.Path.Id!;
        if (!patientExists(patientId))
        {
            if (faults.Waives(ProviderRule.RetrieveUnknownPatientNotFound)) return ProviderResponse.Ok(resources.Searchset([]));
            throw new ProviderException(AppointmentErrors.PatientNotFound, $"No Patient with id '{patientId}'.");
        }
        var now = clock.GetUtcNow();
        var today = UkDateTime.DateOf(now);
        var upTo = faults.Waives(ProviderRule.RetrieveUpperBoundInclusive) ? to.AddDays(-1) : to;
        if (faults.Waives(ProviderRule.RetrieveAppliesUpperBound)) upTo = DateOnly.MaxValue;
        var held = faults.Waives(ProviderRule.RetrieveOnlyThePatients) ? access.Book.All() : access.Book.ForPatient(patientId);
        var appointments = held
            .Where(a => UkDateTime.DateOf(a.Start) is var day && day >= from && day <= upTo && day >= today)
            .Where(a => a.Start >= now || !faults.Waives(ProviderRule.RetrieveIncludesEarlierToday))
            .Where(a => !access.IsConsumerBooking(a) || !faults.Waives(ProviderRule.RetrieveIncludesConsumerBookings))
            .Where(access.IsVisible)
            .Where(a => a.Status != AppointmentStatuses.Cancelled || !faults.Waives(ProviderRule.RetrieveIncludesCancelled))
            .Where(a => a.DeliveryChannel != DeliveryChannels.Visit || !faults.Waives(ProviderRule.RetrieveIncludesVisits));
        var mapped = appointments.Select(mapper.Appointment);
        if (faults.Waives(ProviderRule.RetrieveGivesEachInstantItsOffset))
        {
            var rangeOffset = UkDateTime.OffsetAt(UkDateTime.FromLocal(from.ToDateTime(TimeOnly.MinValue)));
            mapped = mapped.Select(a => { FaultCatalogue.KeepWallTimeWithOffset(a, rangeOffset); return a; });
        }
        return ProviderResponse.Ok(resources.Searchset(mapped));
    }

    private (DateOnly From, DateOnly To) Range(ProviderRequest request)
    {
        try
        {
            return StrictRange(request);
        }
        catch (ProviderException refusal) when (faults.Waives(ProviderRule.RetrieveValidatesRange) && !refusal.Message.StartsWith("Past appointments", StringComparison.Ordinal))
        {
            var today = UkDateTime.DateOf(clock.GetUtcNow());
            return (today, today.AddDays(14));
        }
    }

    private (DateOnly From, DateOnly To) StrictRange(ProviderRequest request)
    {
        var values = request.Query.TryGetValue("start", out var starts) ? starts.Select(v => v ?? "").ToList() : [];
        if (values.Count != 2) Refuse($"Exactly two start parameters are required (start=ge[date] and start=le[date]); {values.Count} were sent.");
        DateOnly? from = null, to = null;
        foreach (var value in values)
        {
            var prefix = value.Length >= 2 ? value[..2] : value;
            if (!DateOnly.TryParseExact(value.Length > 2 ? value[2..] : "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                Refuse($"start '{value}' must be a prefix (ge or le) and a full date (yyyy-mm-dd) without a time.");
            switch (prefix)
            {
                case "ge" when from is null: from = date; break;
                case "le" when to is null: to = date; break;
                default: Refuse($"start '{value}': the range must be one start=ge[date] and one start=le[date]."); break;
            }
        }
        if (to < from) Refuse($"The upper bound {to:yyyy-MM-dd} is before the lower bound {from:yyyy-MM-dd}.");
        var today = UkDateTime.DateOf(clock.GetUtcNow());
        if (from < today && !faults.Waives(ProviderRule.RetrieveRefusesPastRange))
            Refuse($"Past appointments cannot be requested: the range starts {from:yyyy-MM-dd}, before today ({today:yyyy-MM-dd}).");
        return (from!.Value, to!.Value);
    }

    private static void Refuse(string diagnostics) => throw new ProviderException(SpineError.InvalidParameter, diagnostics);
}
