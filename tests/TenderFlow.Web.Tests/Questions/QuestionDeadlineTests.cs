using System.Net;
using System.Net.Http.Json;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Questions;

public sealed class QuestionDeadlineTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    [Fact]
    public async Task A_question_one_tick_before_questionsClose_is_taken_and_one_at_the_deadline_is_refused()
    {
        var world = await new QaWorld(_app).StartAsync();
        var bidder = await world.AskerAsync();

        _app.Clock.SetUtcNow(world.QuestionsClose.AddTicks(-1));
        await QaWorld.AskAsync(bidder, world.Tender, "Mag een combinatie ook met onderaannemers buiten Utrecht werken?");

        _app.Clock.SetUtcNow(world.QuestionsClose);
        var late = await bidder.PostAsJsonAsync($"/api/tenders/{world.Tender}/questions", new { text = "Nog een vraag op de deadline." });
        Assert.Equal("QuestionsDeadlinePassedRule", (await late.ProblemAsync(409))["rule"]!.GetValue<string>());

        var own = await bidder.GetArrayAsync($"/api/tenders/{world.Tender}/questions");
        Assert.Single(own);
    }

    [Fact]
    public async Task A_refused_question_on_the_portal_points_the_field_to_its_error_and_keeps_the_text()
    {
        var world = await new QaWorld(_app).StartAsync();
        var bidder = await world.AskerAsync();

        var (response, html) = await TenderFlow.Web.Tests.Portal.PortalForms.PostAsync(bidder, $"/tenders/{world.Tender}/vragen?handler=Ask",
            new Dictionary<string, string> { ["Text"] = "Mag een combinatie ook met onderaannemers werken?", ["SectionReference"] = new string('a', 201) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("role=\"alert\" id=\"page-error\"", html);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"page-error question-section-hint\"", html);
        Assert.Contains("Mag een combinatie ook met onderaannemers werken?", html);
    }

    [Fact]
    public async Task Questions_cannot_be_asked_before_the_publication_phase()
    {
        var world = await new QaWorld(_app).StartAsync(publish: false);
        var bidder = await world.AskerAsync();

        var early = await bidder.PostAsJsonAsync($"/api/tenders/{world.Tender}/questions", new { text = "Wanneer start de publicatie?" });

        Assert.Equal("QuestionsNotOpenRule", (await early.ProblemAsync(409))["rule"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("", "QuestionTextRule")]
    [InlineData("   ", "QuestionTextRule")]
    [InlineData("\u200b\u2060", "QuestionTextRule")]
    [InlineData("Mag \u202Eniet\u202C worden opgeteld?", "UnreadableTextRule")]
    public async Task An_empty_or_unreadable_question_is_refused_and_nothing_is_stored(string text, string rule)
    {
        var world = await new QaWorld(_app).StartAsync();
        var bidder = await world.AskerAsync();

        var response = await bidder.PostAsJsonAsync($"/api/tenders/{world.Tender}/questions", new { text });

        Assert.Equal(rule, (await response.ProblemAsync(400))["rule"]!.GetValue<string>());
        Assert.Empty(await world.Procurement.GetArrayAsync($"/api/tenders/{world.Tender}/questions"));
    }

    [Fact]
    public async Task Staff_cannot_ask_questions()
    {
        var world = await new QaWorld(_app).StartAsync();

        var response = await world.Procurement.PostAsJsonAsync($"/api/tenders/{world.Tender}/questions", new { text = "Een vraag van de inkoper" });

        Assert.Equal("OnlyCandidatesAskRule", (await response.ProblemAsync(403))["rule"]!.GetValue<string>());
    }

    public void Dispose() => _app.Dispose();
}
