using System.Net;
using TenderFlow.Web.Tests.Evaluation;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Dialogue;

public sealed class DialogueWorldTests
{
    [Fact]
    public async Task The_dialogue_starts_after_the_selection_standstill_with_the_definitions_themes()
    {
        using var app = new TenderFlowFactory();
        var world = await DialogueWorld.CreateAsync(app, startDialogue: false);
        Assert.Equal("selectionStandstill", await world.PhaseAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await app.Procurement().FireAsync(world.Tender, "startDialogue")).StatusCode);

        await world.StartDialogueAsync();
        Assert.Equal("dialogue", await world.PhaseAsync());
        var tender = await app.Procurement().GetJsonAsync($"/api/tenders/{world.Tender}");
        Assert.Equal(11, tender["themes"]!.AsArray().Count);
        Assert.Equal(EvaluationWorld.SubmissionClose, await world.DeadlineAsync("submissionClose"));
    }
}
