using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Decisions;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Tests.Award;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Decisions;

/// <summary>
/// An objection against the selection, upheld on Legal's advice, and the selection revised because of it: the objection's
/// dossier shows grounds, advice and outcome; the first selection decision shows that and why it was revised.
/// </summary>
public sealed class ObjectionDecisionTests : IAsyncLifetime
{
    private const string Grounds = "De score op K1 is niet gemotiveerd; wij vragen herbeoordeling (bezwaargrond-31c4).";
    private const string Advice = "Het bezwaar is gegrond: de motivering op K1 ontbreekt (advies-88d2).";
    private const string Outcome = "Gegrond verklaard; K1 wordt opnieuw beoordeeld (uitkomst-5e07).";
    private const string Revision = "Bezwaar tegen de selectie gegrond verklaard (herziening-0b19).";

    private readonly TenderFlowFactory _app = new();
    private DialogueWorld _world = null!;
    private string _objection = "";

    public async Task InitializeAsync()
    {
        _world = await DialogueWorld.CreateAsync(_app, startDialogue: false);
        _objection = await (await _world.RejectedClient().ObjectAsync(_world, "selection", Grounds)).FiledAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await _world.Legal().AdviseAsync(_world, _objection, uphold: true, Advice)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _world.Procurement().ResolveAsync(_world, _objection, upheld: true, Outcome)).StatusCode);
        await _world.ClockAtAsync("selectionStandstillEnd", TimeSpan.FromTicks(1));
        Assert.Equal(HttpStatusCode.OK, (await _world.Procurement().FireAsync(_world.Tender, "reviseSelection", Revision)).StatusCode);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private string Api => $"/api/tenders/{_world.Tender}";

    [Fact]
    public async Task The_objection_dossier_has_grounds_advice_outcome_the_people_and_the_outcome_letter()
    {
        var dossier = await _world.Legal().GetJsonAsync($"{Api}/decisions/objection-{_objection}");
        Assert.Equal(DecisionKinds.Objection, dossier["kind"]!.GetValue<string>());
        var reasons = dossier["reasons"]!.AsArray().Select(r => r!["text"]!["nl"]!.GetValue<string>()).ToList();
        Assert.Equal([Grounds, Advice, Outcome], reasons);
        Assert.StartsWith("Upheld", dossier["status"]!["en"]!.GetValue<string>());
        var people = dossier["people"]!.AsArray().Select(p => (Capacity: p!["capacity"]!["en"]!.GetValue<string>(), Role: p["role"]!.GetValue<string>(), Organisation: p["organisation"]?.GetValue<string>())).ToList();
        Assert.Contains(people, p => p.Capacity == "Filed by" && p.Role == "Bidder" && p.Organisation is not null);
        Assert.Contains(people, p => p.Capacity == "Advised by" && p.Role == "Legal");
        Assert.Contains(people, p => p.Capacity == "Decided by" && p.Role == "Procurement");
        Assert.Contains(dossier["documents"]!.AsArray(), d => d!["kind"]!.GetValue<string>() == "award.objection.outcome");
        var actions = dossier["events"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Equal(["award.objection.filed", "award.objection.advised", "award.objection.resolved", "award.objection.superseded"], actions);

        var pdf = await _world.Legal().GetAsync($"{Api}/records/decisions/objection-{_objection}.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("%PDF", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        var text = await RecordTextAsync($"objection-{_objection}");
        Assert.Contains(Grounds, text);
        Assert.Contains(Advice, text);
        Assert.Contains(Outcome, text);
    }

    [Fact]
    public async Task The_revised_selection_decision_says_it_was_revised_why_and_by_whom()
    {
        var selection = await _world.Procurement().GetJsonAsync($"{Api}/decisions/selection-1");
        Assert.Equal("Revised", selection["status"]!["en"]!.GetValue<string>());
        Assert.Contains(selection["reasons"]!.AsArray(), r => r!["text"]!["nl"]!.GetValue<string>() == Revision);
        Assert.Contains(selection["people"]!.AsArray(), p => p!["capacity"]!["en"]!.GetValue<string>() == "Revised by");
        Assert.Contains(selection["events"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "tender.trigger.fired");
        Assert.Contains(Revision, await RecordTextAsync("selection-1"));
    }

    [Fact]
    public async Task Candidates_evaluators_and_partners_cannot_read_the_objection_dossier()
    {
        foreach (var client in new[] { _world.ParticipantClient(), _world.RejectedClient(), _world.Evaluator(), _world.Partner("piet.partner"), _app.CreateClient() })
        {
            foreach (var route in new[] { $"{Api}/decisions/objection-{_objection}", $"{Api}/records/decisions/objection-{_objection}.pdf", $"{Api}/decisions" })
            {
                var response = await client.GetAsync(route);
                Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{route}: {(int)response.StatusCode}");
                Assert.DoesNotContain(Advice, await response.Content.ReadAsStringAsync());
            }
        }
        Assert.Equal(HttpStatusCode.OK, (await _app.ClientAs("ada.admin", "Admin").GetAsync($"{Api}/decisions/objection-{_objection}")).StatusCode);
    }

    private async Task<string> RecordTextAsync(string key)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var tender = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == _world.TenderId);
        var decisions = await scope.ServiceProvider.GetRequiredService<DecisionDossiers>().BuildAsync(tender, CancellationToken.None);
        return DecisionRecords.Decision(decisions, decisions.Find(key)!, "nl").PlainText();
    }
}
