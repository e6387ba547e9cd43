namespace GpConnect.ReferenceProvider.Practice.Patients;

/// <summary>The structural rule for NHS numbers: ten digits whose last is the modulus-11 check digit of the first nine.</summary>
internal static class NhsNumber
{
    /// <summary>True when <paramref name="value"/> is ten digits with a correct check digit.</summary>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 10 || !value.All(char.IsAsciiDigit)) return false;
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (value[i] - '0') * (10 - i);
        var check = 11 - sum % 11;
        if (check == 11) check = 0;
        return check != 10 && check == value[9] - '0';
    }
}
