using System.Net;
using TenderFlow.Domain.Submission;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Portal;

namespace TenderFlow.Web.Tests.Submission;

/// <summary>The budget on the submission page is shown and read in the page's language, and an amount it cannot read for certain is refused.</summary>
public sealed class SubmissionAmountFormTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static Dictionary<string, string> Answers(string amount) => new()
    {
        ["amount-2028"] = amount, ["amount-2029"] = "28700000", ["amount-2030"] = "28700000",
        ["budgetExplanation"] = "Binnen het taakgerichte budget.", ["implementationPlan"] = "Overgang in drie golven.",
        ["contractStartReady"] = "yes", ["readinessExplanation"] = "Personeel is geworven.",
    };

    private static async Task<decimal> StoredAsync(SubmissionWorld w) => await w.DbAsync(db =>
        Task.FromResult(SubmissionAnswers.ParseBudget(db.TenderSubmissions.Single().BudgetJson).Single(l => l.Year == 2028).AmountEuros));

    [Theory]
    [InlineData("", "28.700.000,50", "28.700.000,50")]
    [InlineData("?culture=en", "28,700,000.50", "28,700,000.50")]
    [InlineData("", "28700000,5", "28.700.000,50")]
    public async Task An_amount_saved_and_saved_again_unchanged_keeps_its_value(string culture, string typed, string shown)
    {
        var w = await SubmissionWorld.CreateAsync(_app);
        var page = $"/tenders/{w.Tender}/inschrijving{culture}";
        var participant = w.Participant();

        var (first, firstHtml) = await PortalForms.PostAsync(participant, page + (culture == "" ? "?" : "&") + "handler=Answers", Answers(typed));
        Assert.True(first.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, firstHtml);
        Assert.Equal(28_700_000.50m, await StoredAsync(w));
        var html = await participant.GetStringAsync(page);
        Assert.Contains($"value=\"{shown}\"", html, StringComparison.Ordinal);

        // The participant changes only the explanation; the amount goes back as the page showed it.
        await PortalForms.PostAsync(participant, page + (culture == "" ? "?" : "&") + "handler=Answers", Answers(shown));
        Assert.Equal(28_700_000.50m, await StoredAsync(w));
    }

    [Theory]
    [InlineData("1250.50")]
    [InlineData("28.70.000")]
    [InlineData("twaalf")]
    [InlineData("-5")]
    public async Task An_amount_the_Dutch_page_cannot_read_for_certain_is_refused_and_nothing_changes(string typed)
    {
        var w = await SubmissionWorld.CreateAsync(_app);
        var page = $"/tenders/{w.Tender}/inschrijving?handler=Answers";
        var participant = w.Participant();
        await PortalForms.PostAsync(participant, page, Answers("1.250,50"));

        var (response, html) = await PortalForms.PostAsync(participant, page, Answers(typed));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Het bedrag voor contractjaar 2028 is niet herkend", html, StringComparison.Ordinal);
        Assert.Equal(1250.50m, await StoredAsync(w));
    }
    [Fact]
    public async Task A_refused_save_shows_what_was_typed_and_points_the_unreadable_amount_to_the_error()
    {
        var w = await SubmissionWorld.CreateAsync(_app);
        var page = $"/tenders/{w.Tender}/inschrijving?handler=Answers";
        var participant = w.Participant();
        await PortalForms.PostAsync(participant, page, Answers("1.250,50"));
        var typed = Answers("28.70.000");
        typed["implementationPlan"] = "Een lang implementatieplan: overgang per wijk in drie golven, met een warme overdracht.";
        typed["amount-2029"] = "31.000.000";

        var (response, html) = await PortalForms.PostAsync(participant, page, typed);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"page-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Een lang implementatieplan: overgang per wijk in drie golven, met een warme overdracht.", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Matches("<input id=\"amount-2028\"[^>]*value=\"28.70.000\"[^>]*aria-invalid=\"true\" aria-describedby=\"page-error\"", html);
        Assert.Matches("<input id=\"amount-2029\"[^>]*value=\"31.000.000\"", html);
        Assert.DoesNotMatch("<input id=\"amount-2029\"[^>]*aria-invalid", html);
        Assert.Equal(1250.50m, await StoredAsync(w));
    }
}
