using Microsoft.Playwright;
using TenderFlow.Web.Tests.Evaluation;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Submission;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>
/// The participant fills in, uploads and submits its tender by clicking; after the deadline two buyers open the vault;
/// the two evaluators judge every criterion sufficient and the chair records the consensus. Every page axe-clean.
/// Moves the clock, so it has a portal of its own; people sign in after each clock jump.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SubmissionBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private readonly PortalServer _portal = new();
    private readonly List<IBrowserContext> _contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        _portal.Dispose();
    }

    private async Task<IPage> SignedInAsync(string userName)
    {
        var context = await chromium.NewContextAsync(_portal.BaseUrl);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(ChromiumFixture.ActionTimeout);
        await page.SignInAsync(userName, TestUsers.Password);
        return page;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task The_participant_submits_two_buyers_open_the_evaluators_judge_it_sufficient_and_after_the_standstill_the_contract_is_recorded()
    {
        var w = await SubmissionWorld.CreateAsync(_portal.App);
        var problems = new List<string>();
        async Task CheckAsync(IPage page, string what)
        {
            if (await page.ViolationsAsync() is { } violation)
            {
                problems.Add($"[{what}] {violation}");
            }
        }
        var submissionPage = $"/tenders/{w.Tender}/inschrijving";

        var participant = await SignedInAsync(w.Dialogue.Participant.Bidders[0]);
        await participant.GotoAsync($"/tenders/{w.Tender}");
        await participant.GetByRole(AriaRole.Link, new() { Name = "Inschrijving", Exact = true }).ClickAsync();
        await CheckAsync(participant, "submission form");
        foreach (var year in SubmissionWorld.BudgetYears)
        {
            await participant.GetByLabel($"Contractjaar {year}").FillAsync("28700000");
        }
        await participant.GetByLabel("Toelichting op de begroting").FillAsync("Binnen het taakgerichte budget.");
        await participant.GetByLabel("Samenvatting van het implementatieplan").FillAsync("Overgang in drie golven, wijk voor wijk.");
        await participant.Locator("#ready-yes").CheckAsync();
        await participant.GetByLabel("Toelichting op de gereedheid").FillAsync("Personeel is geworven.");
        await participant.GetByRole(AriaRole.Button, new() { Name = "Antwoorden opslaan" }).ClickAsync();
        await Expect(participant.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw antwoorden zijn opgeslagen");
        await participant.GetByLabel("Soort document").SelectOptionAsync("submission.tender");
        await participant.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "inschrijving.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf("Inschrijving Lunetten") });
        await participant.GetByRole(AriaRole.Button, new() { Name = "Uploaden" }).ClickAsync();
        await Expect(participant.GetByRole(AriaRole.Status)).ToContainTextAsync("ontvangen");
        await participant.GetByRole(AriaRole.Button, new() { Name = "Inschrijving indienen" }).ClickAsync();
        await Expect(participant.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw inschrijving is ingediend");
        await Expect(participant.Locator("#answers-hash")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
        await CheckAsync(participant, "receipt");

        await w.CloseAsync();
        var anna = await SignedInAsync("anna.inkoper");
        await anna.GotoAsync(submissionPage);
        await Expect(anna.Locator("main")).ToContainTextAsync("blijft verzegeld");
        await Expect(anna.Locator("main")).Not.ToContainTextAsync("Overgang in drie golven");
        await CheckAsync(anna, "sealed status");
        await anna.GetByRole(AriaRole.Link, new() { Name = "Opening van de inschrijving (vier ogen)" }).ClickAsync();
        await anna.GetByRole(AriaRole.Button, new() { Name = "Opening vastleggen (eerste inkoper)" }).ClickAsync();
        await CheckAsync(anna, "opening recorded");
        var ben = await SignedInAsync("ben.inkoper");
        await ben.GotoAsync($"/tenders/{w.Tender}/openings/submission");
        await Expect(ben.Locator("h1")).ToHaveTextAsync("Opening volgens het vier-ogenprincipe: inschrijving");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Opening voltooien (tweede inkoper)" }).ClickAsync();
        await CheckAsync(ben, "opening complete");
        await ben.GotoAsync(submissionPage);
        await Expect(ben.Locator("main")).ToContainTextAsync("Overgang in drie golven");
        await CheckAsync(ben, "opened submission");

        foreach (var evaluator in new[] { EvaluationWorld.Chair, EvaluationWorld.Second })
        {
            var page = await SignedInAsync(evaluator);
            await page.GotoAsync($"/tenders/{w.Tender}/kwaliteitsbeoordeling");
            await CheckAsync(page, $"judgement form {evaluator}");
            foreach (var key in new[] { "dialogue-outcomes", "implementation-plan", "budget-plan", "contract-readiness" })
            {
                await page.Locator($"#Judge-{key}-yes").CheckAsync();
                await page.Locator($"#Judge-{key}-motivation").FillAsync($"{evaluator}: {key} overtuigend uitgewerkt");
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Mijn oordeel indienen" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw oordelen zijn ingediend");
            await CheckAsync(page, $"judged {evaluator}");
        }
        var chair = await SignedInAsync(EvaluationWorld.Chair);
        await chair.GotoAsync($"/tenders/{w.Tender}/kwaliteitsbeoordeling");
        foreach (var key in new[] { "dialogue-outcomes", "implementation-plan", "budget-plan", "contract-readiness" })
        {
            await chair.Locator($"#Consensus-{key}-yes").CheckAsync();
            await chair.Locator($"#Consensus-{key}-motivation").FillAsync($"Consensus: {key} voldoende");
        }
        await chair.GetByRole(AriaRole.Button, new() { Name = "Consensus vastleggen" }).ClickAsync();
        await Expect(chair.GetByRole(AriaRole.Status)).ToContainTextAsync("De consensus is vastgelegd");
        await Expect(chair.Locator("#verdict")).ToHaveTextAsync("Voldoende");
        await CheckAsync(chair, "consensus");
        Assert.DoesNotContain("assessment.qualitySufficient", await w.UnmetGuardsAsync("announceAward"));

        // Award: the decision with its reasons, the standstill running out on the fake clock, final award, the contract.
        await anna.GotoAsync($"/tenders/{w.Tender}/gunning");
        await anna.GetByLabel("Redenen van de gunningsbeslissing").FillAsync("De inschrijving is op alle vier criteria voldoende beoordeeld.");
        await anna.GetByRole(AriaRole.Button, new() { Name = "Gunningsbeslissing versturen" }).ClickAsync();
        await Expect(anna.Locator("main")).ToContainTextAsync("De inschrijving is op alle vier criteria voldoende beoordeeld.");
        await CheckAsync(anna, "award decision sent");
        Assert.Equal("awardStandstill", await w.Dialogue.PhaseAsync());
        Assert.Contains("deadline.passed(awardStandstillEnd)", await w.UnmetGuardsAsync("finalAward"));

        await w.Dialogue.ClockAtAsync("awardStandstillEnd", TimeSpan.FromMinutes(1));
        var buyer = await SignedInAsync("anna.inkoper");
        await buyer.GotoAsync($"/tenders/{w.Tender}");
        await buyer.GetByRole(AriaRole.Button, new() { Name = "Definitief gunnen" }).ClickAndWaitForNewPageAsync();
        Assert.Equal("implementation", await w.Dialogue.PhaseAsync());
        await buyer.GotoAsync($"/tenders/{w.Tender}/contract");
        await CheckAsync(buyer, "contract form");
        await buyer.Locator("#contract-start-date").FillAsync("2028-01-01");
        await buyer.Locator("#contract-base").FillAsync("3");
        await buyer.Locator("#contract-options").FillAsync("2,2,2");
        await buyer.Locator("#contract-maximum").FillAsync("10");
        await buyer.Locator("form[action*='handler=Record'] button[type=submit]").ClickAsync();
        await CheckAsync(buyer, "contract recorded");
        Assert.DoesNotContain("contract.recorded", await w.UnmetGuardsAsync("startContract"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
