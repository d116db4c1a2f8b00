using System.Net;
using System.Net.Http.Json;
using TenderFlow.Web.Tests.Evaluation;

namespace TenderFlow.Web.Tests.Infrastructure;

/// <summary>
/// A sas-dialogue tender taken through selection the way people do it (EvaluationWorld: candidates A, B (consortium)
/// and C; A ranked first), A selected and the decision announced on 21 April 2027; unless told otherwise the selection
/// standstill has run out on the fake clock and Procurement has started the dialogue (its 11 themes are open).
/// Planned: dialogue end 15 July 2027, submission closes 1 Sept 2027 12:00, contract start 1 Jan 2028 (Amsterdam).
/// </summary>
public sealed class DialogueWorld
{
    public static readonly DateTimeOffset DialogueStarted = new(2027, 5, 12, 8, 0, 0, TimeSpan.Zero);

    private DialogueWorld(EvaluationWorld selection) => Selection = selection;

    public EvaluationWorld Selection { get; }
    public TenderFlowFactory App => Selection.App;
    public string Tender => Selection.Tender;
    public Guid TenderId => Selection.TenderId;

    /// <summary>The selected participant (a single organisation) and a rejected consortium (two organisations).</summary>
    public Candidate Participant => Selection.A;
    public Candidate Rejected => Selection.B;

    public HttpClient ParticipantClient() => Selection.BidderOf(Selection.A);
    public HttpClient RejectedClient(int member = 0) => Selection.BidderOf(Selection.B, member);
    public HttpClient Procurement() => App.Procurement();
    public HttpClient SecondProcurement() => App.ClientAs("ben.inkoper", "Procurement");
    public HttpClient Legal() => App.Legal();
    public HttpClient Partner(string userName) => App.ClientAs(userName, "Partner");
    public HttpClient Evaluator(string name = EvaluationWorld.Chair) => Selection.Evaluator(name);

    public static async Task<DialogueWorld> CreateAsync(TenderFlowFactory app, bool startDialogue = true)
    {
        var selection = await EvaluationWorld.CreateAsync(app);
        var world = new DialogueWorld(selection);
        await selection.AssessAllAsync();
        var procurement = app.Procurement();
        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"{selection.Api}/selection", new { applicationId = selection.A.ApplicationId })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await procurement.PostAsJsonAsync($"{selection.Api}/announce", new { })).StatusCode);
        if (startDialogue)
        {
            await world.StartDialogueAsync();
        }
        return world;
    }

    /// <summary>Moves the clock past the selection standstill and fires startDialogue.</summary>
    public async Task StartDialogueAsync()
    {
        App.Clock.SetUtcNow(DialogueStarted);
        var response = await App.Procurement().FireAsync(Tender, "startDialogue");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public async Task<string> PhaseAsync() => (await App.Procurement().GetJsonAsync($"/api/tenders/{Tender}")).Phase();

    /// <summary>The due moment of one of the tender's deadlines as the server planned it.</summary>
    public async Task<DateTimeOffset> DeadlineAsync(string key)
    {
        var tender = await App.Procurement().GetJsonAsync($"/api/tenders/{Tender}");
        var deadline = tender["deadlines"]!.AsArray().Single(d => d!["key"]!.GetValue<string>() == key)!;
        return new DateTimeOffset(DateTime.SpecifyKind(deadline["dueAtUtc"]!.GetValue<DateTime>(), DateTimeKind.Utc));
    }

    /// <summary>Sets the fake clock to <paramref name="offset"/> after a deadline (negative: before it).</summary>
    public async Task ClockAtAsync(string key, TimeSpan offset) => App.Clock.SetUtcNow(await DeadlineAsync(key) + offset);
}
