using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Tests.Evaluation;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Submission;

/// <summary>
/// A DialogueWorld tender put straight into the <c>submission</c> phase in the database. The real route there
/// (openSubmission) needs specification.approvedByLegal, another feature's guard; the lead's end-to-end test covers it.
/// Submission closes 1 Sept 2027 12:00 Amsterdam; contract start 1 Jan 2028, so the base-term budget years are 2028–2030.
/// </summary>
public sealed class SubmissionWorld
{
    public static readonly int[] BudgetYears = [2028, 2029, 2030];

    private SubmissionWorld(DialogueWorld dialogue) => Dialogue = dialogue;

    public DialogueWorld Dialogue { get; }
    public TenderFlowFactory App => Dialogue.App;
    public string Tender => Dialogue.Tender;
    public Guid TenderId => Dialogue.TenderId;
    public string Api => $"/api/tenders/{Tender}/submission";
    public string AssessmentApi => $"/api/tenders/{Tender}/assessment";
    public string Openings => $"/api/tenders/{Tender}/openings/submission";

    public HttpClient Participant() => Dialogue.ParticipantClient();
    public HttpClient Rejected() => Dialogue.RejectedClient();
    public HttpClient Procurement() => Dialogue.Procurement();
    public HttpClient SecondProcurement() => Dialogue.SecondProcurement();
    public HttpClient Legal() => Dialogue.Legal();
    public HttpClient Admin() => App.ClientAs("adam.beheer", "Admin");
    public HttpClient Chair() => Dialogue.Evaluator(EvaluationWorld.Chair);
    public HttpClient SecondEvaluator() => Dialogue.Evaluator(EvaluationWorld.Second);

    public static async Task<SubmissionWorld> CreateAsync(TenderFlowFactory app) =>
        await EnterSubmissionAsync(app, new SubmissionWorld(await DialogueWorld.CreateAsync(app)));

    /// <summary>As <see cref="CreateAsync"/>, but the dialogue was concluded by its step (in the trail, where open data reads it).</summary>
    public static async Task<SubmissionWorld> AfterAConcludedDialogueAsync(TenderFlowFactory app) =>
        await EnterSubmissionAsync(app, new SubmissionWorld((await Specification.SpecificationWorld.CreateAsync(app)).Dialogue));

    private static async Task<SubmissionWorld> EnterSubmissionAsync(TenderFlowFactory app, SubmissionWorld world)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var tender = await db.Tenders.SingleAsync(t => t.Id == world.TenderId);
        tender.Phase = "submission";
        tender.PhaseEnteredAtUtc = app.Clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return world;
    }

    public static object Answers(string plan = "Overgang van lopende cliënten per wijk in drie golven.") => new
    {
        budget = BudgetYears.Select(y => new { year = y, amountEuros = 28_700_000m }).ToArray(),
        budgetExplanation = "Binnen het taakgerichte budget van 28,7 miljoen per jaar.",
        implementationPlan = plan,
        contractStartReady = true,
        readinessExplanation = "Personeel is geworven, onderaanneming is gecontracteerd.",
    };

    public async Task<JsonObject> UploadAsync(HttpClient client, string kind = "tender", byte[]? content = null)
    {
        var response = await client.PostAsync($"{Api}/documents", TestFiles.Form(content ?? TestFiles.Pdf("Inschrijving Lunetten"), "inschrijving.pdf", new Dictionary<string, string> { ["kind"] = kind }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async Task FillAsync(HttpClient? client = null)
    {
        client ??= Participant();
        await Ok(client.PutAsJsonAsync($"{Api}/answers", Answers()), HttpStatusCode.NoContent);
        await UploadAsync(client);
    }

    public async Task<JsonObject> SubmitAsync(HttpClient? client = null)
    {
        var response = await (client ?? Participant()).PostAsync($"{Api}/submit", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Clock one tick past the deadline, closeSubmission, and the four-eyes opening by two buyers.</summary>
    public async Task CloseAndOpenAsync()
    {
        await CloseAsync();
        await OpenAsync();
    }

    public async Task CloseAsync()
    {
        await Dialogue.ClockAtAsync("submissionClose", TimeSpan.FromTicks(1));
        var closed = await Procurement().FireAsync(Tender, "closeSubmission");
        Assert.True(closed.StatusCode == HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
    }

    public async Task OpenAsync()
    {
        await Ok(Procurement().PostAsync($"{Openings}/record", null), HttpStatusCode.OK);
        await Ok(SecondProcurement().PostAsync($"{Openings}/complete", null), HttpStatusCode.OK);
    }

    /// <summary>
    /// A first round to its end: the tender filled in, submitted, closed and opened, judged insufficient by both evaluators
    /// and the chair's consensus, and Procurement returns it to the dialogue.
    /// </summary>
    public async Task ReturnToDialogueAfterAnInsufficientRoundAsync()
    {
        await FillAsync();
        await SubmitAsync();
        await CloseAndOpenAsync();
        await Ok(Chair().PostAsJsonAsync($"{AssessmentApi}/judgements", Sheet(false)), HttpStatusCode.NoContent);
        await Ok(SecondEvaluator().PostAsJsonAsync($"{AssessmentApi}/judgements", Sheet(false)), HttpStatusCode.NoContent);
        await Ok(Chair().PostAsJsonAsync($"{AssessmentApi}/consensus", Sheet(false, "Consensus: ")), HttpStatusCode.NoContent);
        var back = await Procurement().FireAsync(Tender, "returnToDialogue", "De begroting moet in een nieuwe dialoogronde worden uitgewerkt.");
        Assert.True(back.StatusCode == HttpStatusCode.OK, await back.Content.ReadAsStringAsync());
    }

    public static object Sheet(bool allSufficient = true, string prefix = "") => new
    {
        criteria = new[] { "dialogue-outcomes", "implementation-plan", "budget-plan", "contract-readiness" }
            .Select((key, i) => new { key, sufficient = allSufficient || i != 1, motivation = $"{prefix}Motivering {key}" }).ToArray(),
    };

    public async Task<T> DbAsync<T>(Func<TenderFlowDbContext, Task<T>> query)
    {
        using var scope = App.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>());
    }

    public static async Task Ok(Task<HttpResponseMessage> request, HttpStatusCode expected)
    {
        var response = await request;
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<string> RuleAsync(Task<HttpResponseMessage> request, int status) => (await (await request).ProblemAsync(status))["rule"]!.GetValue<string>();

    /// <summary>The unmet guards of a trigger as Procurement sees them on the tender.</summary>
    public async Task<List<string>> UnmetGuardsAsync(string trigger)
    {
        var tender = await Procurement().GetJsonAsync($"/api/tenders/{Tender}");
        var view = tender["triggers"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == trigger)!;
        return view["unmetGuards"]!.AsArray().Select(g => g!["guard"]!.GetValue<string>()).ToList();
    }
}
