using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Selection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Tests.Infrastructure;

/// <summary>
/// The demo tender from market consultation to a started contract, every step through the API by the demo's own people,
/// on the fake clock: the deadlines of the demo planning decide when each step may be taken. <see cref="RunAsync"/> calls
/// back in every phase the procedure enters, so a test can look at the tender there (export it, read it as Legal…).
/// The confidential parts (dialogue messages, shared documents, agreed outcomes, the sealed tender, the other candidate's
/// scores) each carry one of <see cref="ConfidentialMarkers"/>, so a test can search any output's bytes for them.
/// </summary>
public sealed class DemoProcedure : IDisposable
{
    public const string PartnerMessageMarker = "dialoog-geheim-partner-4f1c";
    public const string ParticipantMessageMarker = "dialoog-geheim-deelnemer-8a2e";
    public const string SharedDocumentMarker = "dialoog-geheim-document-93bd";
    public const string AgreedOutcomeMarker = "dialoog-geheim-afspraak-2c7a";
    public const string ImplementationPlanMarker = "inschrijving-geheim-plan-6d10";
    public const string RejectedScoreMarker = "score-geheim-afgewezen-51e9";

    public static readonly IReadOnlyList<string> ConfidentialMarkers =
        [PartnerMessageMarker, ParticipantMessageMarker, SharedDocumentMarker, AgreedOutcomeMarker, ImplementationPlanMarker, RejectedScoreMarker];

    /// <summary>The markers of the confidential dialogue alone (messages, the shared document, agreed outcomes).</summary>
    public static readonly IReadOnlyList<string> DialogueMarkers = [PartnerMessageMarker, ParticipantMessageMarker, SharedDocumentMarker, AgreedOutcomeMarker];

    /// <summary>Every phase the demo procedure passes through, in order.</summary>
    public static readonly IReadOnlyList<string> Phases =
        ["consultation", "publication", "selection", "selectionStandstill", "dialogue", "specification", "submission", "assessment", "awardStandstill", "implementation", "awarded"];

    private readonly ConcurrentDictionary<string, string> _tokens = new();

    public TenderFlowFactory App { get; } = new() { Demo = true };

    public string Tender { get; private set; } = "";

    public Guid TenderId => Guid.Parse(Tender);

    public string Api => $"/api/tenders/{Tender}";

    public IReadOnlyList<string> FiredTriggers { get; private set; } = [];

    /// <summary>Runs the whole procedure; <paramref name="atPhase"/> is awaited once in each of <see cref="Phases"/>, right after entering it.</summary>
    public async Task RunAsync(Func<string, Task>? atPhase = null)
    {
        atPhase ??= _ => Task.CompletedTask;
        Tender = (await Client("inkoper").GetArrayAsync("/api/tenders")).Single()!["id"]!.GetValue<string>();
        var wijkzorg = await OrganisationOfAsync("wijkzorg");
        var begeleidThuis = await OrganisationOfAsync("begeleidthuis");
        await atPhase("consultation");

        Assert.Equal("GuardsUnmetRule", await RuleAsync(Fire("publish"), 409));
        await PastAsync("publication");
        await Ok(Fire("publish"));
        await atPhase("publication");

        var wijkzorgApplication = await ApplyAsync("wijkzorg", wijkzorg);
        var begeleidApplication = await ApplyAsync("begeleidthuis", begeleidThuis);

        await PastAsync("applicationsClose");
        await Ok(Fire("closeApplications"));
        await atPhase("selection");
        await Ok(Client("inkoper").PostAsync($"{Api}/openings/selection/record", null));
        await Ok(Client("inkoper2").PostAsync($"{Api}/openings/selection/complete", null));
        var evaluatorId = await UserIdAsync("beoordelaar");
        await Ok(Client("inkoper").PostAsJsonAsync($"{Api}/evaluation/chair", new { userId = evaluatorId }));
        await Ok(Client("beoordelaar").PostAsJsonAsync($"{Api}/evaluation/declaration", new { hasConflict = false }));
        var (requirements, criteria) = await GuidelineAsync();
        foreach (var (application, score, motivation) in new[]
                 {
                     (wijkzorgApplication, 8, "Onderbouwd oordeel (8)."),
                     (begeleidApplication, 6, $"Onderbouwd oordeel (6), {RejectedScoreMarker}."),
                 })
        {
            foreach (var requirement in requirements)
            {
                await Ok(Client("beoordelaar").PostAsJsonAsync($"{Api}/evaluation/applications/{application}/knockout/settlement",
                    new { requirementId = requirement, passed = true, motivation = "Referenties tonen de ervaring aan." }));
            }
            var sheet = new { scores = criteria.Select(c => new { criterionId = c.Id, score = Math.Min(score, c.Max), motivation }) };
            await Ok(Client("beoordelaar").PostAsJsonAsync($"{Api}/evaluation/applications/{application}/scores", sheet));
            await Ok(Client("beoordelaar").PostAsJsonAsync($"{Api}/evaluation/applications/{application}/consensus", sheet));
        }
        await Ok(Client("inkoper").PostAsJsonAsync($"{Api}/evaluation/selection", new { applicationId = wijkzorgApplication }));
        await Ok(Client("inkoper").PostAsJsonAsync($"{Api}/evaluation/announce", new { }));
        Assert.Equal("selectionStandstill", await PhaseAsync());
        await atPhase("selectionStandstill");
        Assert.Equal("GuardsUnmetRule", await RuleAsync(Fire("startDialogue"), 409));
        await PastAsync("selectionStandstillEnd");
        await Ok(Fire("startDialogue"));

        var themes = await Client("wijkzorg").GetArrayAsync($"{Api}/dialogue/themes");
        Assert.Equal(11, themes.Count);
        var monitoring = themes.Single(t => t!["key"]!.GetValue<string>() == "monitoring")!["id"]!.GetValue<string>();
        await Ok(Client("inkoper").PostAsJsonAsync($"{Api}/dialogue/themes/{monitoring}/partners", new { userId = await UserIdAsync("partner") }));
        await Ok(Client("partner").PostAsJsonAsync($"{Api}/dialogue/declaration", new { accept = true }));
        await Ok(Client("partner").PostAsJsonAsync($"{Api}/dialogue/themes/{monitoring}/messages",
            new { text = $"Het wijkteam wil de cliëntervaring per kwartaal terugzien ({PartnerMessageMarker})." }));
        await Ok(Client("wijkzorg").PostAsJsonAsync($"{Api}/dialogue/themes/{monitoring}/messages",
            new { text = $"Wij rapporteren per wijk met de CQ-index ({ParticipantMessageMarker})." }));
        await Ok(Client("wijkzorg").PostAsync($"{Api}/dialogue/themes/{monitoring}/documents",
            TestFiles.Form(TestFiles.Pdf($"Monitoringvoorstel {SharedDocumentMarker}"), "monitoringvoorstel.pdf")));
        Assert.Single(await Client("partner").GetArrayAsync($"{Api}/dialogue/themes"));
        await Ok(Client("wijkzorg").PostAsJsonAsync($"{Api}/dialogue/themes", new { titleNl = "Huisvesting en locaties", titleEn = "Housing and locations" }));
        await atPhase("dialogue");
        Assert.Equal("GuardsUnmetRule", await RuleAsync(Fire("concludeDialogue"), 409));
        foreach (var theme in await Client("inkoper").GetArrayAsync($"{Api}/dialogue/themes"))
        {
            var id = theme!["id"]!.GetValue<string>();
            var title = theme["titleNl"]!.GetValue<string>();
            await Ok(Client("inkoper").PostAsJsonAsync($"{Api}/dialogue/themes/{id}/status",
                new { status = "agreed", agreedOutcome = $"Afspraak over {title}: zo werken wij samen ({AgreedOutcomeMarker})." }));
            await Ok(Client("inkoper").PostAsJsonAsync($"{Api}/dialogue/themes/{id}/status", new { status = "closed" }));
        }
        await Ok(Fire("concludeDialogue"));
        await atPhase("specification");

        await Ok(Client("inkoper").PostAsync($"{Api}/specification/draft", null));
        Assert.Equal("GuardsUnmetRule", await RuleAsync(Fire("openSubmission"), 409));
        var specification = await Client("jurist").GetJsonAsync($"{Api}/specification");
        var version = specification["latest"]?["number"]?.GetValue<int>() ?? specification["version"]!.GetValue<int>();
        await Ok(Client("jurist").PostAsJsonAsync($"{Api}/specification/review", new { version, approve = true, comment = "Juridisch akkoord." }));
        await Ok(Client("wijkzorg").PostAsJsonAsync($"{Api}/specification/acknowledgement", new { version }));
        await Ok(Fire("openSubmission"));

        var years = (await Client("wijkzorg").GetJsonAsync($"{Api}/submission"))["budgetYears"]!.AsArray().Select(y => y!.GetValue<int>()).ToList();
        Assert.Equal((await DeadlineAsync("contractStart")).Year, years[0]);
        await Ok(Client("wijkzorg").PutAsJsonAsync($"{Api}/submission/answers", new
        {
            budget = years.Select((year, i) => new { year, amountEuros = 41_500_000m + (i * 800_000m) }),
            budgetExplanation = "Taakgericht budget, geïndexeerd met de OVA.",
            implementationPlan = $"Overdracht van lopende cliënten per wijk in het laatste kwartaal ({ImplementationPlanMarker}).",
            contractStartReady = true,
            readinessExplanation = "Personeel en onderaannemers zijn gecontracteerd.",
        }));
        await Ok(Client("wijkzorg").PostAsync($"{Api}/submission/documents",
            TestFiles.Form(TestFiles.Pdf($"Inschrijving Wijkzorg {ImplementationPlanMarker}"), "inschrijving.pdf", new Dictionary<string, string> { ["kind"] = "submission.tender" })));
        await Ok(Client("wijkzorg").PostAsync($"{Api}/submission/submit", null));
        await atPhase("submission");
        await PastAsync("submissionClose");
        await Ok(Fire("closeSubmission"));
        await atPhase("assessment");
        await Ok(Client("inkoper").PostAsync($"{Api}/openings/submission/record", null));
        await Ok(Client("inkoper2").PostAsync($"{Api}/openings/submission/complete", null));

        var assessment = await Client("beoordelaar").GetJsonAsync($"{Api}/assessment");
        var judgements = new
        {
            criteria = assessment["criteria"]!.AsArray().Select(c => new { key = c!["key"]!.GetValue<string>(), sufficient = true, motivation = "Voldoende uitgewerkt." }),
        };
        await Ok(Client("beoordelaar").PostAsJsonAsync($"{Api}/assessment/judgements", judgements));
        await Ok(Client("beoordelaar").PostAsJsonAsync($"{Api}/assessment/consensus", judgements));
        await Ok(Client("inkoper").PostAsJsonAsync($"{Api}/award/announce", new { reasons = "De inschrijving is op alle criteria voldoende." }));
        Assert.Equal("awardStandstill", await PhaseAsync());
        await atPhase("awardStandstill");
        Assert.Equal("GuardsUnmetRule", await RuleAsync(Fire("finalAward"), 409));
        await PastAsync("awardStandstillEnd");
        await Ok(Fire("finalAward"));
        await atPhase("implementation");

        await Ok(Client("inkoper").PutAsJsonAsync($"{Api}/contract", new
        {
            startDate = (await DeadlineAsync("contractStart")).ToString("yyyy-MM-dd"),
            baseTermYears = 3,
            extensionOptions = new[] { new { years = 2 }, new { years = 2 }, new { years = 2 } },
            maximumTermYears = 10,
        }));
        await PastAsync("contractStart");
        await Ok(Fire("startContract"));
        Assert.Equal("awarded", await PhaseAsync());
        await atPhase("awarded");

        FiredTriggers = (await Client("jurist").GetArrayAsync($"{Api}/audit"))
            .Where(e => e!["action"]!.GetValue<string>() == "tender.trigger.fired")
            .Select(e => e!["payload"]!["trigger"]!.GetValue<string>()).ToList();
    }

    /// <summary>A client signed in as one of the demo's people (bearer token; one log-in per person until the clock moves, since tokens expire).</summary>
    public HttpClient Client(string userName)
    {
        var token = _tokens.GetOrAdd($"{userName}@{App.Clock.GetUtcNow():O}", _ =>
        {
            using var client = App.CreateClient();
            var login = client.PostAsJsonAsync("/api/auth/login", new { email = userName, password = DemoMode.DefaultPassword }).GetAwaiter().GetResult();
            var body = login.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            Assert.True(login.IsSuccessStatusCode, $"login {userName}: {body}");
            return JsonNode.Parse(body)!["accessToken"]!.GetValue<string>();
        });
        var signedIn = App.CreateClient();
        signedIn.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return signedIn;
    }

    public Task<HttpResponseMessage> Fire(string trigger, string? reason = null) => Client("inkoper").FireAsync(Tender, trigger, reason);

    public async Task<string> PhaseAsync() => (await Client("inkoper").GetJsonAsync(Api)).Phase();

    public async Task<DateTimeOffset> DeadlineAsync(string key)
    {
        var deadline = (await Client("inkoper").GetJsonAsync(Api))["deadlines"]!.AsArray().Single(d => d!["key"]!.GetValue<string>() == key)!;
        return new DateTimeOffset(DateTime.SpecifyKind(deadline["dueAtUtc"]!.GetValue<DateTime>(), DateTimeKind.Utc));
    }

    /// <summary>One minute past a deadline: the server, not a job, decides that it has passed.</summary>
    public async Task PastAsync(string key) => App.Clock.SetUtcNow(await DeadlineAsync(key) + TimeSpan.FromMinutes(1));

    public async Task<string> UserIdAsync(string userName)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        return (await db.Users.SingleAsync(u => u.UserName == userName)).Id;
    }

    public async Task<Guid> OrganisationOfAsync(string userName)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        return (await db.Users.SingleAsync(u => u.UserName == userName)).OrganisationId!.Value;
    }

    private async Task<string> ApplyAsync(string bidder, Guid organisation)
    {
        var client = Client(bidder);
        var applications = $"{Api}/applications";
        var created = await Ok(client.PostAsJsonAsync(applications, new { consortiumName = (string?)null }));
        var application = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var (requirements, _) = await GuidelineAsync();
        foreach (var requirement in requirements)
        {
            await Ok(client.PostAsJsonAsync($"{applications}/{application}/references", Applications.SelectionScenario.Reference(requirement)));
        }
        await Ok(client.PutAsJsonAsync($"{applications}/{application}/answers", new
        {
            answers = SelectionConditions.All.Select(c => new { condition = c.Key, complies = true, explanation = $"Wij voldoen aan {c.Key}." }),
        }));
        var issued = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime.AddMonths(-1)).ToString("yyyy-MM-dd");
        await Ok(client.PostAsync($"{applications}/{application}/documents", TestFiles.Form(TestFiles.Pdf("Visie " + bidder), "visie.pdf", new Dictionary<string, string> { ["kind"] = "vision" })));
        await Ok(client.PostAsync($"{applications}/{application}/documents",
            TestFiles.Form(TestFiles.Pdf("GVA " + bidder), "gva.pdf", new Dictionary<string, string> { ["kind"] = "gva", ["member"] = organisation.ToString(), ["issuedOn"] = issued })));
        await Ok(client.PostAsync($"{applications}/{application}/documents",
            TestFiles.Form(TestFiles.Docx("Bibob " + bidder), "bibob.docx", new Dictionary<string, string> { ["kind"] = "bibob", ["member"] = organisation.ToString() })));
        await Ok(client.PostAsync($"{applications}/{application}/submit", null));
        return application;
    }

    private async Task<(List<Guid> Requirements, List<(Guid Id, int Max)> Criteria)> GuidelineAsync()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var requirements = await db.SelectionRequirements.Where(r => r.TenderId == TenderId).OrderBy(r => r.Order).Select(r => r.Id).ToListAsync();
        var criteria = await db.SelectionCriteria.Where(c => c.TenderId == TenderId).OrderBy(c => c.Order).Select(c => new { c.Id, c.ScaleMax }).ToListAsync();
        return (requirements, criteria.Select(c => (c.Id, c.ScaleMax)).ToList());
    }

    public static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static async Task<string> RuleAsync(Task<HttpResponseMessage> call, int status) =>
        (await (await call).ProblemAsync(status))["rule"]!.GetValue<string>();

    public void Dispose() => App.Dispose();
}
