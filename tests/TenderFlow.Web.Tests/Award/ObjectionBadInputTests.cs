using System.Text;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Award;

public sealed class ObjectionBadInputTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_objection_that_is_neither_JSON_nor_a_form_is_a_clear_400_and_nothing_is_filed()
    {
        var world = await DialogueWorld.CreateAsync(_app, startDialogue: false);

        var response = await world.RejectedClient().PostAsync($"/api/tenders/{world.Tender}/objections",
            new StringContent("decision=selection&grounds=onjuist", Encoding.UTF8, "text/plain"));

        var problem = await response.ProblemAsync(400);
        Assert.Equal("ObjectionContentTypeRule", problem["rule"]!.GetValue<string>());
        Assert.Empty(await world.Legal().GetArrayAsync($"/api/tenders/{world.Tender}/objections"));
    }
}
