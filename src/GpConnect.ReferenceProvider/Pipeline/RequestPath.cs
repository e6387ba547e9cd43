namespace GpConnect.ReferenceProvider.Pipeline;

/// <summary>A request path relative to the service root, split into its FHIR parts.</summary>
internal sealed record RequestPath(string ResourceType, PathShape Shape, string? Id, string? Operation)
{
    /// <summary>Parses the segments after the service root; returns null for shapes no interaction uses.</summary>
    public static RequestPath? Parse(IReadOnlyList<string> segments) => segments switch
    {
        ["metadata"] => new("metadata", PathShape.Metadata, null, null),
        [var type] => new(type, PathShape.Type, null, null),
        [var type, var op] when op.StartsWith('$') => new(type, PathShape.Operation, null, op),
        [var type, var id] => new(type, PathShape.Instance, id, null),
        ["Patient", var id, "Appointment"] => new("Patient", PathShape.PatientAppointments, id, null),
        [var type, ..] => new(type, PathShape.Instance, null, "unsupported"),
        _ => null,
    };

    /// <summary>True when <paramref name="interaction"/> is made with this method on this path.</summary>
    public bool Matches(Interaction interaction, string method) =>
        string.Equals(method, interaction.Method, StringComparison.Ordinal)
        && interaction.ResourceType == ResourceType
        && interaction.Shape == Shape
        && (Shape != PathShape.Operation || interaction.OperationName == Operation)
        && (Shape is not (PathShape.Instance or PathShape.PatientAppointments) || Id is not null);
}
