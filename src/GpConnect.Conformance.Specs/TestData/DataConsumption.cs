using System.Globalization;

namespace GpConnect.Conformance.Specs.TestData;

/// <summary>
/// What a scenario uses up on a provider that keeps its state, as its feature file declares it with tags:
/// <c>@consumes-registrable-patients:N</c> (numbers of the <c>register.onPds</c> pool registered),
/// <c>@consumes-left-practice-patients:N</c> (patients of the <c>register.leftPractice</c> pool re-registered) and
/// <c>@consumes-free-slots:N</c> (slots booked; they come back only when the provider frees cancelled slots).
/// <c>--check-data</c> adds up the declarations of the scenarios that would run; every run compares them with what each
/// passing scenario actually consumed and reports any difference, so the declarations cannot drift.
/// </summary>
public sealed record DataConsumption(int RegistrablePatients, int LeftPracticePatients, int FreeSlots)
{
    public const string RegistrableTag = "@consumes-registrable-patients:";
    public const string LeftPracticeTag = "@consumes-left-practice-patients:";
    public const string FreeSlotsTag = "@consumes-free-slots:";

    public static DataConsumption None { get; } = new(0, 0, 0);

    public bool IsNone => this == None;

    /// <summary>The consumption a scenario's tags declare (none when it declares nothing).</summary>
    /// <exception cref="FormatException">A consumption tag without a whole number after the colon.</exception>
    public static DataConsumption Declared(IEnumerable<string> tags)
    {
        int registrable = 0, leftPractice = 0, slots = 0;
        foreach (var tag in tags)
        {
            if (Count(tag, RegistrableTag) is { } r) registrable += r;
            else if (Count(tag, LeftPracticeTag) is { } l) leftPractice += l;
            else if (Count(tag, FreeSlotsTag) is { } s) slots += s;
        }
        return new DataConsumption(registrable, leftPractice, slots);
    }

    /// <summary>What the scenarios of one run (those that would run) declare together.</summary>
    public static DataConsumption Sum(IEnumerable<DataConsumption> items) => items.Aggregate(None, (a, b) => a + b);

    public static DataConsumption operator +(DataConsumption a, DataConsumption b) =>
        new(a.RegistrablePatients + b.RegistrablePatients, a.LeftPracticePatients + b.LeftPracticePatients, a.FreeSlots + b.FreeSlots);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"registrable patients {RegistrablePatients}, left-practice patients {LeftPracticePatients}, free slots {FreeSlots}");

    private static int? Count(string tag, string prefix)
    {
        if (!tag.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var text = tag[prefix.Length..];
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"{tag}: a consumption tag takes a whole number after the colon ({prefix}1).");
    }
}
