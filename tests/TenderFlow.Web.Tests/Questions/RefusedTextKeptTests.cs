using System.Net;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Portal;

namespace TenderFlow.Web.Tests.Questions;

/// <summary>A question or answer refused because its form has closed meanwhile comes back read-only, so what was typed can be copied.</summary>
public sealed class RefusedTextKeptTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    [Fact]
    public async Task A_question_refused_at_the_deadline_is_shown_back_read_only()
    {
        var world = await new QaWorld(_app).StartAsync();
        _app.Clock.SetUtcNow(world.QuestionsClose);
        var bidder = await world.AskerAsync();

        var (response, html) = await PortalForms.PostAsync(bidder, $"/tenders/{world.Tender}/vragen?handler=Ask",
            new Dictionary<string, string> { ["Text"] = "Mag een combinatie ook met onderaannemers werken?", ["SectionReference"] = "Hoofdstuk 4" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("role=\"alert\" id=\"page-error\"", html);
        Assert.Matches("<textarea id=\"question-text-refused\"[^>]*readonly[^>]*>Mag een combinatie ook met onderaannemers werken\\?</textarea>", html);
        Assert.Contains("Hoofdstuk 4", html);
    }

    [Fact]
    public async Task An_answer_refused_because_the_question_was_published_meanwhile_is_shown_back_read_only()
    {
        var world = await new QaWorld(_app).StartAsync();
        var question = await QaWorld.AskAsync(await world.AskerAsync(), world.Tender, "Hoe lang duurt de dialoog?");
        await world.AnswerAndPublishAsync(question, "Drie maanden.");
        var procurement = _app.Procurement();

        var (response, html) = await PortalForms.PostAsync(procurement, $"/tenders/{world.Tender}/vragen?handler=Answer",
            new Dictionary<string, string> { ["questionId"] = question, ["answer"] = "Vier maanden, met een verlenging.", ["publishedText"] = "Hoe lang duurt de dialoog?" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Matches("<textarea id=\"q-[0-9a-f]{8}-answer-refused\"[^>]*readonly[^>]*>Vier maanden, met een verlenging.</textarea>", html);
    }

    public void Dispose() => _app.Dispose();
}
