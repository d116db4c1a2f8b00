using static TenderFlow.Web.Tests.Consultation.ConsultationScenario;

namespace TenderFlow.Web.Tests.Consultation;

/// <summary>The tender's and its sessions' own texts are Dutch: on an English page they carry lang="nl" (WCAG 3.1.2), on a Dutch page nothing.</summary>
public sealed class DutchContentLanguageTests : ConsultationScenarioTests
{
    [Fact]
    public async Task Tender_and_session_texts_are_marked_Dutch_on_English_pages()
    {
        var session = await S.ScheduleAsync(Session());
        var zorgplus = await S.BidderAsync(S.Zorgplus);
        var anonymous = S.App.CreateClient();

        var publicPage = await anonymous.GetStringAsync($"/openbaar/{S.Reference}?culture=en");
        Assert.Matches("<h1 lang=\"nl\">[^<]+</h1>", publicPage);
        Assert.Contains("<span lang=\"nl\">Sessie 2 Zorg op maat</span>", publicPage);
        Assert.Contains("lang=\"nl\">Wat betekent zorg op maat in tijden van schaarste?</div>", publicPage);

        var sessionPage = await zorgplus.GetStringAsync($"/tenders/{S.Tender}/consultation/{session}?culture=en");
        Assert.Contains("<h1><span lang=\"nl\">Sessie 2 Zorg op maat</span>", sessionPage);
        Assert.Contains("<dd lang=\"nl\">Wat betekent zorg op maat in tijden van schaarste?</dd>", sessionPage);

        var tenderPage = await zorgplus.GetStringAsync($"/tenders/{S.Tender}?culture=en");
        Assert.Contains($"<a href=\"/tenders/{S.Tender}/consultation/{session}\" lang=\"nl\">Sessie 2 Zorg op maat</a>", tenderPage);

        Assert.DoesNotContain("lang=\"nl\">Sessie 2", await anonymous.GetStringAsync($"/openbaar/{S.Reference}?culture=nl"));
    }
}
