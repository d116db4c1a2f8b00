using System.Globalization;
using System.Text.RegularExpressions;

namespace TenderFlow.Web.Features.Submission;

/// <summary>
/// Amounts in euros as the portal shows and reads them, in the page's culture: Dutch 28.700.000,50, English 28,700,000.50.
/// Group separators must stand between groups of three digits, so a point or comma in the wrong place (1250.50 on a
/// Dutch page) is refused instead of read as a separator, which would multiply the amount by a hundred.
/// </summary>
public static partial class EuroAmountText
{
    public static string Format(decimal amount, CultureInfo culture) => amount.ToString("#,##0.00", culture);

    public static decimal? Parse(string text, CultureInfo culture)
    {
        var format = culture.NumberFormat;
        var plain = text.Trim().TrimStart('€').Trim();
        var group = Regex.Escape(format.NumberGroupSeparator);
        var point = Regex.Escape(format.NumberDecimalSeparator);
        if (!Regex.IsMatch(plain, $@"^(\d{{1,3}}({group}\d{{3}})+|\d+)({point}\d{{1,2}})?$", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            return null;
        }
        var invariant = plain.Replace(format.NumberGroupSeparator, "", StringComparison.Ordinal).Replace(format.NumberDecimalSeparator, ".", StringComparison.Ordinal);
        return decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ? amount : null;
    }
}
