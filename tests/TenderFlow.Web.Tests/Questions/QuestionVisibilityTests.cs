using System.Net;
using System.Net.Http.Json;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Questions;

public sealed class QuestionVisibilityTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    [Fact]
    public async Task A_bidder_never_sees_another_organisations_unpublished_question_or_draft_answer()
    {
        var world = await new QaWorld(_app).StartAsync();
        var asker = await world.AskerAsync();
        var other = await world.OtherBidderAsync();
        var question = await QaWorld.AskAsync(asker, world.Tender, "Hoe wordt de capaciteit van combinatiepartners opgeteld?");
        var answered = await world.Procurement.PutAsJsonAsync($"/api/tenders/{world.Tender}/questions/{question}/answer", new { answer = "Conceptantwoord: optellen mag." });
        Assert.True(answered.IsSuccessStatusCode);

        Assert.Empty(await other.GetArrayAsync($"/api/tenders/{world.Tender}/questions"));
        Assert.Empty(await other.GetArrayAsync($"/api/tenders/{world.Tender}/answers"));
        var otherHtml = await (await other.GetAsync($"/tenders/{world.Tender}/vragen")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("combinatiepartners", otherHtml);
        Assert.DoesNotContain("Conceptantwoord", otherHtml);

        // The asker sees its question and status, but not the draft answer.
        var own = Assert.Single(await asker.GetArrayAsync($"/api/tenders/{world.Tender}/questions"))!;
        Assert.Equal("Answered", own["status"]!.GetValue<string>());
        Assert.Null(own["answer"]);
    }

    [Theory]
    [InlineData("\u200b", null, "AnswerTextRule")]
    [InlineData("Ja, \u202Eoptellen mag niet\u202C.", null, "UnreadableTextRule")]
    [InlineData("Ja, optellen mag.", "Telt \u0000capaciteit mee?", "UnreadableTextRule")]
    public async Task An_answer_for_the_information_note_must_be_readable_and_nothing_is_stored(string answer, string? publishedText, string rule)
    {
        var world = await new QaWorld(_app).StartAsync();
        var question = await QaWorld.AskAsync(await world.AskerAsync(), world.Tender, "Hoe wordt de capaciteit van combinatiepartners opgeteld?");

        var refused = await world.Procurement.PutAsJsonAsync($"/api/tenders/{world.Tender}/questions/{question}/answer", new { answer, publishedText });

        Assert.Equal(rule, (await refused.ProblemAsync(400))["rule"]!.GetValue<string>());
        Assert.Null(Assert.Single(await world.Procurement.GetArrayAsync($"/api/tenders/{world.Tender}/questions"))!["answer"]);
    }

    [Fact]
    public async Task Procurement_and_Legal_see_the_asker_and_the_original_words()
    {
        var world = await new QaWorld(_app).StartAsync();
        var asker = await world.AskerAsync();
        var question = await QaWorld.AskAsync(asker, world.Tender, "Wij, Zorgplus, vragen: telt ervaring met Beschermd thuis mee?");
        await world.AnswerAndPublishAsync(question, "Ja, Beschermd thuis telt mee als vorm van Wmo-ondersteuning.", "Telt ervaring met Beschermd thuis mee?");

        foreach (var staff in new[] { world.Procurement, _app.Legal() })
        {
            var item = Assert.Single(await staff.GetArrayAsync($"/api/tenders/{world.Tender}/questions"))!;
            Assert.Equal(QaWorld.AskerOrganisation, item["organisationName"]!.GetValue<string>());
            Assert.Equal(QaWorld.AskerUser, item["askedByName"]!.GetValue<string>());
            Assert.StartsWith("Wij, Zorgplus", item["originalText"]!.GetValue<string>());
            Assert.Equal("Telt ervaring met Beschermd thuis mee?", item["publishedText"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task An_evaluator_or_partner_does_not_get_the_question_queue()
    {
        var world = await new QaWorld(_app).StartAsync();
        var partner = await _app.Users.ClientAsync("piet.partner", null, "Partner");

        var response = await partner.GetAsync($"/api/tenders/{world.Tender}/questions");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_published_answer_cannot_be_changed_but_a_draft_can()
    {
        var world = await new QaWorld(_app).StartAsync();
        var question = await QaWorld.AskAsync(await world.AskerAsync(), world.Tender, "Is een Bibob-toets verplicht voor onderaannemers?");
        var url = $"/api/tenders/{world.Tender}/questions/{question}/answer";
        Assert.True((await world.Procurement.PutAsJsonAsync(url, new { answer = "Eerste concept" })).IsSuccessStatusCode);
        Assert.True((await world.Procurement.PutAsJsonAsync(url, new { answer = "Tweede concept" })).IsSuccessStatusCode);
        Assert.True((await QaWorld.PublishAsync(world.Procurement, world.Tender, question)).IsSuccessStatusCode);

        var late = await world.Procurement.PutAsJsonAsync(url, new { answer = "Derde versie" });

        Assert.Equal("AnswerAlreadyPublishedRule", (await late.ProblemAsync(409))["rule"]!.GetValue<string>());
        var published = Assert.Single(await (await world.OtherBidderAsync()).GetArrayAsync($"/api/tenders/{world.Tender}/answers"))!;
        Assert.Equal("Tweede concept", published["answer"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unanswered_question_cannot_be_published()
    {
        var world = await new QaWorld(_app).StartAsync();
        var question = await QaWorld.AskAsync(await world.AskerAsync(), world.Tender, "Wat is de contractduur?");

        var response = await QaWorld.PublishAsync(world.Procurement, world.Tender, question);

        Assert.Equal("AnswerMissingRule", (await response.ProblemAsync(409))["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_the_draft_answer_the_publisher_read_is_published()
    {
        var world = await new QaWorld(_app).StartAsync();
        var question = await QaWorld.AskAsync(await world.AskerAsync(), world.Tender, "Mag een onderaannemer ook lid zijn van de combinatie?");
        var url = $"/api/tenders/{world.Tender}/questions/{question}";
        Assert.True((await world.Procurement.PutAsJsonAsync($"{url}/answer", new { answer = "Nee." })).IsSuccessStatusCode);
        var read = (await world.Procurement.GetArrayAsync($"/api/tenders/{world.Tender}/questions")).Single()!["answerSha256"]!.GetValue<string>();

        // A colleague rewrites the draft after it was read: publishing what was read is refused, and nothing is published.
        var colleague = _app.ClientAs("bert.inkoper", "Procurement");
        Assert.True((await colleague.PutAsJsonAsync($"{url}/answer", new { answer = "Ja, mits de onderaanneming wordt gemeld." })).IsSuccessStatusCode);
        Assert.Equal("AnswerChangedRule", (await (await world.Procurement.PostAsJsonAsync($"{url}/publish", new { answerSha256 = read })).ProblemAsync(409))["rule"]!.GetValue<string>());
        Assert.Equal("AnswerVersionRequiredRule", (await (await world.Procurement.PostAsync($"{url}/publish", null)).ProblemAsync(400))["rule"]!.GetValue<string>());
        Assert.Empty(await (await world.OtherBidderAsync()).GetArrayAsync($"/api/tenders/{world.Tender}/answers"));

        Assert.True((await QaWorld.PublishAsync(world.Procurement, world.Tender, question)).IsSuccessStatusCode);
        Assert.Equal("Ja, mits de onderaanneming wordt gemeld.", Assert.Single(await (await world.OtherBidderAsync()).GetArrayAsync($"/api/tenders/{world.Tender}/answers"))!["answer"]!.GetValue<string>());
    }

    [Fact]
    public async Task Asking_answering_publishing_and_the_note_are_audited()
    {
        var world = await new QaWorld(_app).StartAsync();
        var question = await QaWorld.AskAsync(await world.AskerAsync(), world.Tender, "Welke wijken vallen onder de opdracht?");
        await world.AnswerAndPublishAsync(question, "Alle tien Utrechtse wijken.");
        Assert.True((await world.Procurement.PostAsync($"/api/tenders/{world.Tender}/nvi", null)).IsSuccessStatusCode);

        var actions = (await _app.Legal().GetArrayAsync($"/api/tenders/{world.Tender}/audit")).Select(e => e!["action"]!.GetValue<string>()).ToList();

        Assert.Contains("question.asked", actions);
        Assert.Contains("question.answered", actions);
        Assert.Contains("question.published", actions);
        Assert.Contains("nvi.published", actions);
        Assert.True(actions.IndexOf("question.asked") < actions.IndexOf("question.published"));
        Assert.Equal("OK", (await _app.Legal().GetJsonAsync("/api/audit/verify"))["status"]!.GetValue<string>());
    }

    public void Dispose() => _app.Dispose();
}
