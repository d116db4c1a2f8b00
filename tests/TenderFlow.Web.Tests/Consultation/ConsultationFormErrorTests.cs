using System.Net;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Portal;
using static TenderFlow.Web.Tests.Consultation.ConsultationScenario;

namespace TenderFlow.Web.Tests.Consultation;

/// <summary>Refused consultation forms point the field to its error (WCAG 3.3.1) and keep or show back what was typed.</summary>
public sealed class ConsultationFormErrorTests : ConsultationScenarioTests
{
    [Fact]
    public async Task A_refused_session_points_the_field_to_its_error_and_keeps_the_text()
    {
        var (response, html) = await PortalForms.PostAsync(S.Procurement, $"/tenders/{S.Tender}/consultation/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Sessie 1 Integrale gebiedsteams", ["Input.Topic"] = "Kansen en risico's", ["Input.Audience"] = "Executives",
            ["Input.Location"] = "Stadskantoor", ["Input.StartsAt"] = "2027-03-10T14:00", ["Input.EndsAt"] = "2027-03-10T16:00",
            ["Input.Capacity"] = "0", ["Input.RegistrationClosesAt"] = "2027-03-08T12:00",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("role=\"alert\" id=\"page-error\"", html);
        Assert.Matches("<input id=\"session-capacity\"[^>]*aria-invalid=\"true\" aria-describedby=\"page-error\"", html);
        Assert.DoesNotMatch("<input id=\"session-title\"[^>]*aria-invalid", html);
        Assert.Contains("Sessie 1 Integrale gebiedsteams", html);
    }

    [Fact]
    public async Task A_bad_address_in_the_third_row_with_the_second_left_empty_is_reported_for_row_three()
    {
        var session = await S.ScheduleAsync(Session(capacity: 10));
        var zorgplus = await S.BidderAsync(S.Zorgplus);

        var (response, html) = await PortalForms.PostAsync(zorgplus, $"/tenders/{S.Tender}/consultation/{session}?handler=Register", new Dictionary<string, string>
        {
            ["Attendees[0].Name"] = "Bo de Wit", ["Attendees[0].Email"] = "bo@zorgplus.example.nl", ["Attendees[0].Function"] = "Teamleider",
            ["Attendees[1].Name"] = "", ["Attendees[1].Email"] = "", ["Attendees[1].Function"] = "",
            ["Attendees[2].Name"] = "Ans Kok", ["Attendees[2].Email"] = "geen-adres", ["Attendees[2].Function"] = "Directeur",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("role=\"alert\" id=\"page-error\"", html);
        Assert.Contains("deelnemer 3", html);
        Assert.Matches("<input id=\"attendee-2-email\"[^>]*aria-invalid=\"true\" aria-describedby=\"page-error\"", html);
        Assert.DoesNotMatch("<input id=\"attendee-1-email\"[^>]*aria-invalid", html);
        Assert.Contains("Ans Kok", html);
    }

    [Fact]
    public async Task A_registration_refused_at_the_deadline_is_shown_back_read_only()
    {
        var session = await S.ScheduleAsync(Session(capacity: 10));
        S.App.Clock.SetUtcNow(RegistrationCloses);
        var zorgplus = await S.BidderAsync(S.Zorgplus);

        var (response, html) = await PortalForms.PostAsync(zorgplus, $"/tenders/{S.Tender}/consultation/{session}?handler=Register", new Dictionary<string, string>
        {
            ["Attendees[0].Name"] = "Bo de Wit", ["Attendees[0].Email"] = "bo@zorgplus.example.nl", ["Attendees[0].Function"] = "Teamleider",
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("role=\"alert\" id=\"page-error\"", html);
        Assert.Matches("<textarea id=\"attendees-refused\"[^>]*readonly[^>]*>[^<]*Bo de Wit[^<]*bo@zorgplus.example.nl", html);
    }
}
