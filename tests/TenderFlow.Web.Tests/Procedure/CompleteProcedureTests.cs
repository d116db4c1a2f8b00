using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Selection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Hosting;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Procedure;

/// <summary>
/// The demo tender from market consultation to a started contract, every step through the API by the demo's own people,
/// on the fake clock: the deadlines of the demo planning decide when each step may be taken.
/// </summary>
public sealed class CompleteProcedureTests : IDisposable
{
    private readonly TenderFlowFactory _app = new() { Demo = true };
    private string _tender = "";

    [Fact]
    public async Task The_demo_procedure_runs_from_consultation_to_the_contract()
    {
        _tender = (await Client("inkoper").GetArrayAsync("/api/tenders")).Single()!["id"]!.GetValue<string>();
        var wijkzorg = await OrganisationOfAsync("wijkzorg");
        var begeleidThuis = await OrganisationOfAsync("begeleidthuis");

        // Phase 1 → 2: publication once its planned moment has come.
        Assert.Equal("GuardsUnmetRule", await RuleAsync(Fire("publish"), 409));
        await PastAsync("publication");
        await Ok(Fire("publish"));

        // Phase 2: two candidates apply.
        var wijkzorgApplication = await ApplyAsync("wijkzorg", wijkzorg);
        var begeleidApplication = await ApplyAsync("begeleidthuis", begeleidThuis);

        // Phase 3: selection — four-eyes opening, one evaluator who chairs, the decision and its standstill.
        await PastAsync("applicationsClose");
        await Ok(Fire("closeApplications"));
        await Ok(Client("inkoper").PostAsync($"{Tender}/openings/selection/record", null));
        await Ok(Client("inkoper2").PostAsync($"{Tender}/openings/selection/complete", null));
        var evaluatorId = await UserIdAsync("beoordelaar");
        await Ok(Client("inkoper").PostAsJsonAsync($"{Tender}/evaluation/chair", new { userId = evaluatorId }));
        var evaluator = Client("beoordelaar");
        await Ok(evaluator.PostAsJsonAsync($"{Tender}/evaluation/declaration", new { hasConflict = false }));
        var (requirements, criteria) = await GuidelineAsync();
        foreach (var (application, score) in new[] { (wijkzorgApplication, 8), (begeleidApplication, 6) })
        {
            foreach (var requirement in requirements)
            {
                await Ok(evaluator.PostAsJsonAsync($"{Tender}/evaluation/applications/{application}/knockout/settlement",
                    new { requirementId = requirement, passed = true, motivation = "Referenties tonen de ervaring aan." }));
            }
            var sheet = new { scores = criteria.Select(c => new { criterionId = c.Id, score = Math.Min(score, c.Max), motivation = $"Onderbouwd oordeel ({score})." }) };
            await Ok(evaluator.PostAsJsonAsync($"{Tender}/evaluation/applications/{application}/scores", sheet));
            await Ok(evaluator.PostAsJsonAsync($"{Tender}/evaluation/applications/{application}/consensus", sheet));
        }
        await Ok(Client("inkoper").PostAsJsonAsync($"{Tender}/evaluation/selection", new { applicationId = wijkzorgApplication }));
        await Ok(Client("inkoper").PostAsJsonAsync($"{Tender}/evaluation/announce", new { }));
        Assert.Equal("selectionStandstill", await PhaseAsync());
        Assert.Equal("GuardsUnmetRule", await RuleAsync(Fire("startDialogue"), 409));
        await PastAsync("selectionStandstillEnd");
        await Ok(Fire("startDialogue"));

        // Phase 4: the confidential dialogue. The partner joins one theme after its declaration; the participant adds a theme.
        var participant = Client("wijkzorg");
        var themes = await participant.GetArrayAsync($"{Tender}/dialogue/themes");
        Assert.Equal(11, themes.Count);
        var monitoring = themes.Single(t => t!["key"]!.GetValue<string>() == "monitoring")!["id"]!.GetValue<string>();
        await Ok(Client("inkoper").PostAsJsonAsync($"{Tender}/dialogue/themes/{monitoring}/partners", new { userId = await UserIdAsync("partner") }));
        var partner = Client("partner");
        await Ok(partner.PostAsJsonAsync($"{Tender}/dialogue/declaration", new { accept = true }));
        await Ok(partner.PostAsJsonAsync($"{Tender}/dialogue/themes/{monitoring}/messages", new { text = "Het wijkteam wil de cliëntervaring per kwartaal terugzien." }));
        Assert.Single(await partner.GetArrayAsync($"{Tender}/dialogue/themes"));
        await Ok(participant.PostAsJsonAsync($"{Tender}/dialogue/themes", new { titleNl = "Huisvesting en locaties", titleEn = "Housing and locations" }));
        Assert.Equal("GuardsUnmetRule", await RuleAsync(Fire("concludeDialogue"), 409));
        foreach (var theme in await Client("inkoper").GetArrayAsync($"{Tender}/dialogue/themes"))
        {
            var id = theme!["id"]!.GetValue<string>();
            var title = theme["titleNl"]!.GetValue<string>();
            await Ok(Client("inkoper").PostAsJsonAsync($"{Tender}/dialogue/themes/{id}/status", new { status = "agreed", agreedOutcome = $"Afspraak over {title}: zo werken wij samen." }));
            await Ok(Client("inkoper").PostAsJsonAsync($"{Tender}/dialogue/themes/{id}/status", new { status = "closed" }));
        }
        await Ok(Fire("concludeDialogue"));

        // Phase 5: the final specification, approved by Legal, acknowledged by the participant.
        await Ok(Client("inkoper").PostAsync($"{Tender}/specification/draft", null));
        Assert.Equal("GuardsUnmetRule", await RuleAsync(Fire("openSubmission"), 409));
        var specification = await Client("jurist").GetJsonAsync($"{Tender}/specification");
        var version = specification["latest"]?["number"]?.GetValue<int>() ?? specification["version"]!.GetValue<int>();
        await Ok(Client("jurist").PostAsJsonAsync($"{Tender}/specification/review", new { version, approve = true, comment = "Juridisch akkoord." }));
        await Ok(participant.PostAsJsonAsync($"{Tender}/specification/acknowledgement", new { version }));
        await Ok(Fire("openSubmission"));

        // Phase 6: the sealed tender, opened by two buyers after the deadline.
        var years = (await participant.GetJsonAsync($"{Tender}/submission"))["budgetYears"]!.AsArray().Select(y => y!.GetValue<int>()).ToList();
        Assert.Equal((await DeadlineAsync("contractStart")).Year, years[0]);
        await Ok(participant.PutAsJsonAsync($"{Tender}/submission/answers", new
        {
            budget = years.Select((year, i) => new { year, amountEuros = 41_500_000m + (i * 800_000m) }),
            budgetExplanation = "Taakgericht budget, geïndexeerd met de OVA.",
            implementationPlan = "Overdracht van lopende cliënten per wijk in het laatste kwartaal; wijkteams vanaf dag één bezet.",
            contractStartReady = true,
            readinessExplanation = "Personeel en onderaannemers zijn gecontracteerd.",
        }));
        await Ok(participant.PostAsync($"{Tender}/submission/documents", TestFiles.Form(TestFiles.Pdf("Inschrijving Wijkzorg"), "inschrijving.pdf", new Dictionary<string, string> { ["kind"] = "submission.tender" })));
        await Ok(participant.PostAsync($"{Tender}/submission/submit", null));
        await PastAsync("submissionClose");
        await Ok(Fire("closeSubmission"));
        await Ok(Client("inkoper").PostAsync($"{Tender}/openings/submission/record", null));
        await Ok(Client("inkoper2").PostAsync($"{Tender}/openings/submission/complete", null));

        // Phase 7: quality sufficient on every criterion, the award decision and its standstill.
        var assessment = await evaluatorAgain().GetJsonAsync($"{Tender}/assessment");
        var judgements = new
        {
            criteria = assessment["criteria"]!.AsArray().Select(c => new { key = c!["key"]!.GetValue<string>(), sufficient = true, motivation = "Voldoende uitgewerkt." }),
        };
        await Ok(evaluatorAgain().PostAsJsonAsync($"{Tender}/assessment/judgements", judgements));
        await Ok(evaluatorAgain().PostAsJsonAsync($"{Tender}/assessment/consensus", judgements));
        await Ok(Client("inkoper").PostAsJsonAsync($"{Tender}/award/announce", new { reasons = "De inschrijving is op alle criteria voldoende." }));
        Assert.Equal("awardStandstill", await PhaseAsync());
        Assert.Equal("GuardsUnmetRule", await RuleAsync(Fire("finalAward"), 409));
        await PastAsync("awardStandstillEnd");
        await Ok(Fire("finalAward"));

        // Phase 8: the contract, started on its date.
        await Ok(Client("inkoper").PutAsJsonAsync($"{Tender}/contract", new
        {
            startDate = (await DeadlineAsync("contractStart")).ToString("yyyy-MM-dd"),
            baseTermYears = 3,
            extensionOptions = new[] { new { years = 2 }, new { years = 2 }, new { years = 2 } },
            maximumTermYears = 10,
        }));
        await PastAsync("contractStart");
        await Ok(Fire("startContract"));
        Assert.Equal("awarded", await PhaseAsync());

        var verification = await Client("jurist").GetJsonAsync("/api/audit/verify");
        Assert.Equal("OK", verification["status"]!.GetValue<string>());
        var fired = (await Client("jurist").GetArrayAsync($"{Tender}/audit"))
            .Where(e => e!["action"]!.GetValue<string>() == "tender.trigger.fired")
            .Select(e => e!["payload"]!["trigger"]!.GetValue<string>()).ToList();
        Assert.Equal(
            ["publish", "closeApplications", "announceSelection", "startDialogue", "concludeDialogue", "openSubmission", "closeSubmission", "announceAward", "finalAward", "startContract"],
            fired);

        HttpClient evaluatorAgain() => Client("beoordelaar");
    }

    private string Tender => $"/api/tenders/{_tender}";

    private HttpClient Client(string userName)
    {
        var client = _app.CreateClient();
        var login = client.PostAsJsonAsync("/api/auth/login", new { email = userName, password = DemoMode.DefaultPassword }).GetAwaiter().GetResult();
        var body = login.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        Assert.True(login.IsSuccessStatusCode, $"login {userName}: {body}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonNode.Parse(body)!["accessToken"]!.GetValue<string>());
        return client;
    }

    private Task<HttpResponseMessage> Fire(string trigger, string? reason = null) => Client("inkoper").FireAsync(_tender, trigger, reason);

    private async Task<string> PhaseAsync() => (await Client("inkoper").GetJsonAsync(Tender)).Phase();

    private async Task<DateTimeOffset> DeadlineAsync(string key)
    {
        var deadline = (await Client("inkoper").GetJsonAsync(Tender))["deadlines"]!.AsArray().Single(d => d!["key"]!.GetValue<string>() == key)!;
        return new DateTimeOffset(DateTime.SpecifyKind(deadline["dueAtUtc"]!.GetValue<DateTime>(), DateTimeKind.Utc));
    }

    /// <summary>One minute past a deadline: the server, not a job, decides that it has passed.</summary>
    private async Task PastAsync(string key) => _app.Clock.SetUtcNow(await DeadlineAsync(key) + TimeSpan.FromMinutes(1));

    private async Task<string> ApplyAsync(string bidder, Guid organisation)
    {
        var client = Client(bidder);
        var applications = $"{Tender}/applications";
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
        var issued = DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime.AddMonths(-1)).ToString("yyyy-MM-dd");
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
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var id = Guid.Parse(_tender);
        var requirements = await db.SelectionRequirements.Where(r => r.TenderId == id).OrderBy(r => r.Order).Select(r => r.Id).ToListAsync();
        var criteria = await db.SelectionCriteria.Where(c => c.TenderId == id).OrderBy(c => c.Order).Select(c => new { c.Id, c.ScaleMax }).ToListAsync();
        return (requirements, criteria.Select(c => (c.Id, c.ScaleMax)).ToList());
    }

    private async Task<Guid> OrganisationOfAsync(string userName)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        return (await db.Users.SingleAsync(u => u.UserName == userName)).OrganisationId!.Value;
    }

    private async Task<string> UserIdAsync(string userName)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        return (await db.Users.SingleAsync(u => u.UserName == userName)).Id;
    }

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static async Task<string> RuleAsync(Task<HttpResponseMessage> call, int status) =>
        (await (await call).ProblemAsync(status))["rule"]!.GetValue<string>();

    public void Dispose() => _app.Dispose();
}
