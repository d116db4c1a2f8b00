using System.Net;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Award;

/// <summary>Objections against the selection decision, in the real selection standstill left by DialogueWorld.</summary>
public sealed class SelectionObjectionTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_rejected_candidate_objects_the_open_objection_suspends_the_dialogue_until_Legal_advised_and_Procurement_decided()
    {
        var world = await DialogueWorld.CreateAsync(_app, startDialogue: false);
        var rejected = world.RejectedClient();
        var objection = await (await rejected.ObjectAsync(world, "selection")).FiledAsync();

        // One per candidate per decision; a partner, Procurement and the rejected candidate against the award cannot object.
        Assert.Equal("ObjectionAlreadyFiledRule", await (await world.RejectedClient(1).ObjectAsync(world, "selection")).RuleAsync(409));
        Assert.Equal("ObjectionPeriodClosedRule", await (await rejected.ObjectAsync(world, "award")).RuleAsync(409));
        Assert.Equal("ObjectionNotEntitledRule", await (await world.Procurement().ObjectAsync(world, "selection")).RuleAsync(403));
        Assert.Equal("ObjectionGroundsRequiredRule", await (await world.ParticipantClient().ObjectAsync(world, "selection", "  ")).RuleAsync(400));

        // The participant and another candidate never see someone else's objection; the consortium's other member does.
        Assert.Empty(await world.ParticipantClient().GetArrayAsync($"/api/tenders/{world.Tender}/objections"));
        Assert.Empty(await world.Selection.BidderOf(world.Selection.C).GetArrayAsync($"/api/tenders/{world.Tender}/objections"));
        Assert.Empty((await world.ParticipantClient().GetJsonAsync($"/api/tenders/{world.Tender}/award"))["objections"]!.AsArray());
        Assert.Single(await world.RejectedClient(1).GetArrayAsync($"/api/tenders/{world.Tender}/objections"));
        Assert.Single(await world.Legal().GetArrayAsync($"/api/tenders/{world.Tender}/objections"));

        // Past the standstill end: the open objection blocks startDialogue, and a new objection is refused.
        await world.ClockAtAsync("selectionStandstillEnd", TimeSpan.FromTicks(1));
        Assert.Equal("ObjectionPeriodClosedRule", await (await world.Selection.BidderOf(world.Selection.C).ObjectAsync(world, "selection")).RuleAsync(409));
        await (await world.Procurement().FireAsync(world.Tender, "startDialogue")).AssertGuardAsync("objections.noneOpen");

        // Procurement decides only after Legal's advice; deviating from it needs an explicit reason.
        Assert.Equal("ObjectionAdviceFirstRule", await (await world.Procurement().ResolveAsync(world, objection, upheld: false)).RuleAsync(409));
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Procurement().AdviseAsync(world, objection, uphold: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Legal().ResolveAsync(world, objection, upheld: false)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await world.Legal().AdviseAsync(world, objection, uphold: false)).StatusCode);
        Assert.Equal("ObjectionAdviceGivenRule", await (await world.Legal().AdviseAsync(world, objection, uphold: true)).RuleAsync(409));
        Assert.Equal("ObjectionDeviationReasonRule", await (await world.Procurement().ResolveAsync(world, objection, upheld: true)).RuleAsync(400));
        await (await world.Procurement().FireAsync(world.Tender, "startDialogue")).AssertGuardAsync("objections.noneOpen");
        Assert.Equal(HttpStatusCode.NoContent, (await world.Procurement().ResolveAsync(world, objection, upheld: false)).StatusCode);

        // The objector gets the outcome letter (fresh clients: the fake clock moved past the earlier tokens' lifetime); the participant may not read it.
        var own = (await world.RejectedClient().GetArrayAsync($"/api/tenders/{world.Tender}/objections")).Single()!;
        Assert.Equal("Rejected", own["status"]!.GetValue<string>());
        var letter = own["outcomeLetterDocumentId"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await world.RejectedClient().GetAsync($"/api/documents/{letter}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.RejectedClient(1).GetAsync($"/api/documents/{letter}")).StatusCode);
        var participantRead = await world.ParticipantClient().GetAsync($"/api/documents/{letter}");
        Assert.True(participantRead.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, participantRead.StatusCode.ToString());

        Assert.Equal(HttpStatusCode.OK, (await world.Procurement().FireAsync(world.Tender, "startDialogue")).StatusCode);
        Assert.Equal("dialogue", await world.PhaseAsync());
    }

    [Fact]
    public async Task The_objector_reads_Legals_advice_only_with_the_decision_and_the_adviser_cannot_decide()
    {
        var world = await DialogueWorld.CreateAsync(_app, startDialogue: false);
        var objection = await (await world.RejectedClient().ObjectAsync(world, "selection")).FiledAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await world.Legal().AdviseAsync(world, objection, uphold: true, "Intern: K1 is zwak gemotiveerd.")).StatusCode);

        var own = (await world.RejectedClient().GetArrayAsync($"/api/tenders/{world.Tender}/objections")).Single()!;
        Assert.Equal("Advised", own["status"]!.GetValue<string>());
        Assert.Null(own["adviceUphold"]);
        Assert.Null(own["adviceReasoning"]);
        Assert.Equal("Intern: K1 is zwak gemotiveerd.", (await world.Procurement().GetArrayAsync($"/api/tenders/{world.Tender}/objections")).Single()!["adviceReasoning"]!.GetValue<string>());

        // Someone holding both roles gave the advice: the decision must be another's (Legal advises, Procurement decides).
        var both = world.App.ClientAs("jo.jurist-inkoper", "Legal", "Procurement");
        var objection2 = await (await world.Selection.BidderOf(world.Selection.C).ObjectAsync(world, "selection")).FiledAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await both.AdviseAsync(world, objection2, uphold: false)).StatusCode);
        Assert.Equal("ObjectionAdviserDecidesRule", await (await both.ResolveAsync(world, objection2, upheld: false)).RuleAsync(409));
        Assert.Equal(HttpStatusCode.NoContent, (await world.Procurement().ResolveAsync(world, objection2, upheld: false)).StatusCode);
        Assert.NotNull((await world.Selection.BidderOf(world.Selection.C).GetArrayAsync($"/api/tenders/{world.Tender}/objections")).Single()!["adviceReasoning"]);
    }

    [Fact]
    public async Task Grounds_advice_and_decision_on_an_objection_must_be_readable_text()
    {
        var world = await DialogueWorld.CreateAsync(_app, startDialogue: false);
        var rejected = world.RejectedClient();
        // A zero-width space looks like nothing in the letter; a right-to-left override makes the text read otherwise than it is stored.
        Assert.Equal("ObjectionGroundsRequiredRule", await (await rejected.ObjectAsync(world, "selection", "\u200b")).RuleAsync(400));
        Assert.Equal("UnreadableTextRule", await (await rejected.ObjectAsync(world, "selection", "K2 is \u202Eniet\u202C gemotiveerd.")).RuleAsync(400));
        Assert.Empty(await world.Legal().GetArrayAsync($"/api/tenders/{world.Tender}/objections"));

        var objection = await (await rejected.ObjectAsync(world, "selection")).FiledAsync();
        Assert.Equal("ObjectionReasoningRequiredRule", await (await world.Legal().AdviseAsync(world, objection, uphold: false, "\u2060")).RuleAsync(400));
        Assert.Equal("UnreadableTextRule", await (await world.Legal().AdviseAsync(world, objection, uphold: false, "Ongegrond\u0000.")).RuleAsync(400));
        Assert.Equal(HttpStatusCode.NoContent, (await world.Legal().AdviseAsync(world, objection, uphold: false)).StatusCode);

        Assert.Equal("ObjectionReasoningRequiredRule", await (await world.Procurement().ResolveAsync(world, objection, upheld: false, "\u200b\u200b")).RuleAsync(400));
        Assert.Equal("ObjectionDeviationReasonRule", await (await world.Procurement().ResolveAsync(world, objection, upheld: true, "Gegrond.", "\u200b")).RuleAsync(400));
        Assert.Equal("UnreadableTextRule", await (await world.Procurement().ResolveAsync(world, objection, upheld: true, "Gegrond.", "Zie \u202Ebijlage\u202C.")).RuleAsync(400));
        Assert.Equal("Advised", (await world.Legal().GetArrayAsync($"/api/tenders/{world.Tender}/objections")).Single()!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_upheld_selection_objection_blocks_until_Procurement_revises_the_selection_with_a_reason()
    {
        var world = await DialogueWorld.CreateAsync(_app, startDialogue: false);
        var objection = await (await world.Selection.BidderOf(world.Selection.C).ObjectAsync(world, "selection")).FiledAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await world.Legal().AdviseAsync(world, objection, uphold: true, "De score op K1 is niet gemotiveerd.")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await world.Procurement().ResolveAsync(world, objection, upheld: true, "Gegrond: K1 opnieuw beoordelen.")).StatusCode);
        await world.ClockAtAsync("selectionStandstillEnd", TimeSpan.FromTicks(1));
        await (await world.Procurement().FireAsync(world.Tender, "startDialogue")).AssertGuardAsync("objections.noneOpen");
        Assert.Equal("ReasonRequiredRule", await (await world.Procurement().FireAsync(world.Tender, "reviseSelection")).RuleAsync(400));
        Assert.Equal(HttpStatusCode.OK, (await world.Procurement().FireAsync(world.Tender, "reviseSelection", "Bezwaar Careyn gegrond verklaard")).StatusCode);
        Assert.Equal("selection", await world.PhaseAsync());
        Assert.True((await world.Legal().GetArrayAsync($"/api/tenders/{world.Tender}/objections")).Single()!["superseded"]!.GetValue<bool>());

        // The letter page no longer rebuilds the letter from the evaluation being revised (it would show the new, unannounced
        // scores and choice): it offers the letter as sent.
        var letterPage = $"/tenders/{world.Tender}/beoordeling/brief?applicationId={world.Selection.C.ApplicationId}";
        var page = WebUtility.HtmlDecode(await (await world.Selection.BidderOf(world.Selection.C).GetAsync(letterPage)).Content.ReadAsStringAsync());
        Assert.Contains("De selectie is na deze brief herzien", page);
        Assert.DoesNotContain("Selectiebeslissing —", page);
        Assert.Contains("/api/documents/", page);
    }
}
