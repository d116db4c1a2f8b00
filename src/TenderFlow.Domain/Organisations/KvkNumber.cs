namespace TenderFlow.Domain.Organisations;

/// <summary>A Chamber of Commerce (KvK) number: exactly eight digits, leading zeros significant.</summary>
public static class KvkNumber
{
    public static bool IsValid(string? value) => value is { Length: 8 } && value.All(char.IsAsciiDigit);

    /// <summary>Accepts the common written forms ("1234 5678", "12.34.56.78") and returns the eight digits, or null.</summary>
    public static string? Normalise(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var digits = new string(value.Where(c => c is not (' ' or '.' or '-')).ToArray());
        return IsValid(digits) ? digits : null;
    }
}
