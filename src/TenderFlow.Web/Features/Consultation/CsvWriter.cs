using System.Text;

namespace TenderFlow.Web.Features.Consultation;

/// <summary>
/// RFC 4180 CSV (CRLF line ends, every field quoted, quotes doubled). A field a spreadsheet would read as a formula
/// (starting with = + - @, tab or carriage return) gets a leading apostrophe: attendee names come from outside.
/// </summary>
public static class CsvWriter
{
    public static string Field(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static void AppendRow(StringBuilder csv, IEnumerable<string?> fields) =>
        csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");
}
