using GpConnect.ReferenceProvider.Faults;
using GpConnect.ReferenceProvider.Pipeline;
using GpConnect.ReferenceProvider.Fhir;

namespace GpConnect.ReferenceProvider.Handlers.Appointments;

/// <summary>
/// How the practice system stores description and comment (spec: Book an appointment): untruncated up to what it can hold
/// (1 000 and 5 000 characters here; at least 100 and 500 are required), and an error beyond that, never silent truncation.
/// </summary>
internal static class TextRules
{
    public const int MaxDescription = 1000, MaxComment = 5000;

    /// <summary>The texts to store, or 422 INVALID_RESOURCE when one is longer than the practice system holds.</summary>
    public static (string Description, string? Comment) Store(string description, string? comment, ActiveFaults faults)
    {
        if (faults.Waives(ProviderRule.DescriptionAndCommentNeverTruncated))
            return (description[..Math.Min(description.Length, 50)], comment?[..Math.Min(comment.Length, 200)]);
        if (description.Length > MaxDescription)
            throw new ProviderException(SpineError.InvalidResource, $"Appointment.description is {description.Length} characters; this practice system stores at most {MaxDescription}.");
        if (comment is not null && comment.Length > MaxComment)
            throw new ProviderException(SpineError.InvalidResource, $"Appointment.comment is {comment.Length} characters; this practice system stores at most {MaxComment}.");
        return (description, comment);
    }
}
