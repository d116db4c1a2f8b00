using TenderFlow.Domain.Consultation;
using TenderFlow.Domain.Time;

namespace TenderFlow.Web.Features.Consultation;

/// <summary>How sessions read in the portal: Amsterdam time, audience and status in the reader's language.</summary>
public static class ConsultationDisplay
{
    public static string Audience(string audience) => PortalText.Get("Audience " + audience);

    public static string Status(string status) => PortalText.Get("Registration " + status);

    /// <summary>"2027-03-10 14:00 – 16:00" (the end's date only when it differs).</summary>
    public static string When(DateTime startUtc, DateTime endUtc)
    {
        var start = AmsterdamTime.ToLocal(startUtc);
        var end = AmsterdamTime.ToLocal(endUtc);
        var endText = end.Date == start.Date ? end.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : AmsterdamTime.Format(endUtc);
        return $"{AmsterdamTime.Format(startUtc)} – {endText}";
    }

    public static IReadOnlyList<ConsultationAudience> Audiences { get; } = Enum.GetValues<ConsultationAudience>();
}
