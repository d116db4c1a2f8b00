using static TenderFlow.Web.Tests.Consultation.ConsultationScenario;

namespace TenderFlow.Web.Tests.Consultation;

/// <summary>The tender's and its sessions' own texts are Dutch: on an English page they carry lang="nl" (WCAG 3.1.2), on a Dutch page nothing.</summary>
public sealed class DutchContentLanguageTests : IAsyncLifetime
{
    private ConsultationScenario _s = null!;

    public async Task InitializeAsync() => _s = await StartAsync();

    public Task DisposeAsync()
    {
        _s.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Tender_and_session_texts_are_marked_Dutch_on_English_pages()
    {
        var session = await _s.ScheduleAsync(Session());
        var zorgplus = await _s.BidderAsync(_s.Zorgplus);
        var anonymous = _s.App.CreateClient();

        var publicPage = await anonymous.GetStringAsync($"/openbaar/{_s.Reference}?culture=en");
        Assert.Matches("<h1 lang=\"nl\">[^<]+</h1>", publicPage);
        Assert.Contains("<span lang=\"nl\">Sessie 2 Zorg op maat</span>", publicPage);
        Assert.Contains("lang=\"nl\">Wat betekent zorg op maat in tijden van schaarste?</div>", publicPage);

        var sessionPage = await zorgplus.GetStringAsync($"/tenders/{_s.Tender}/consultation/{session}?culture=en");
        Assert.Contains("<h1><span lang=\"nl\">Sessie 2 Zorg op maat</span>", sessionPage);
        Assert.Contains("<dd lang=\"nl\">Wat betekent zorg op maat in tijden van schaarste?</dd>", sessionPage);

        var tenderPage = await zorgplus.GetStringAsync($"/tenders/{_s.Tender}?culture=en");
        Assert.Contains($"<a href=\"/tenders/{_s.Tender}/consultation/{session}\" lang=\"nl\">Sessie 2 Zorg op maat</a>", tenderPage);

        Assert.DoesNotContain("lang=\"nl\">Sessie 2", await anonymous.GetStringAsync($"/openbaar/{_s.Reference}?culture=nl"));
    }
}
