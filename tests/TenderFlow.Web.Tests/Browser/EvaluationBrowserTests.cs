using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using TenderFlow.Web.Tests.Evaluation;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>
/// Evaluation by clicking: two evaluators score independently, the chair sets the consensus, Procurement selects and
/// announces, and the candidate that was not selected reads its letter. Moves the clock, so it has a portal of its own.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EvaluationBrowserTests(ChromiumFixture chromium) : IAsyncLifetime
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

    private static async Task ScoreAsync(IPage page, string prefix, int k1, int k2, string motivation)
    {
        await page.Locator($"#{prefix}-K1-{k1}").CheckAsync();
        await page.Locator($"#{prefix}-motivation-K1").FillAsync(motivation + " (K1)");
        await page.Locator($"#{prefix}-K2-{k2}").CheckAsync();
        await page.Locator($"#{prefix}-motivation-K2").FillAsync(motivation + " (K2)");
    }

    [Fact]
    public async Task Two_evaluators_score_the_chair_sets_consensus_Procurement_selects_and_the_rejected_candidate_reads_its_letter()
    {
        var w = await EvaluationWorld.CreateAsync(_portal.App);
        await w.DeclareAllAsync();
        await w.PassKnockoutsAsync(w.A);
        await w.AssessAsync(w.B, 6, 8, "Consensus B: sterke uitvoering in de wijken");
        var settle = await w.Evaluator(EvaluationWorld.Chair).PostAsJsonAsync($"{w.Api}/applications/{w.C.ApplicationId}/knockout/settlement",
            new { requirementId = w.G2, passed = false, motivation = "Geen ervaring met beschermd thuis aangetoond" });
        Assert.Equal(HttpStatusCode.NoContent, settle.StatusCode);
        var problems = new List<string>();
        async Task CheckAsync(IPage page, string what)
        {
            if (await page.ViolationsAsync() is { } violation)
            {
                problems.Add($"[{what}] {violation}");
            }
        }
        var assess = $"/tenders/{w.Tender}/beoordeling/aanmelding/{w.A.ApplicationId}";

        // The first evaluator (the chair) scores A.
        var chair = await SignedInAsync(EvaluationWorld.Chair);
        await chair.GotoAsync($"/tenders/{w.Tender}/beoordeling");
        await Expect(chair.Locator("main table")).ToContainTextAsync("Zorgcoöperatie Lunetten");
        await CheckAsync(chair, "workspace");
        await chair.GotoAsync(assess);
        await CheckAsync(chair, "assessment form");
        await ScoreAsync(chair, "score", 8, 5, "Voorzitter: heldere visie");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Mijn scores indienen (definitief)" }).ClickAndWaitForNewPageAsync();
        await Expect(chair.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw scores zijn ingediend");
        await Expect(chair.Locator("main")).Not.ToContainTextAsync("Tweede: sterke wijkaanpak");

        // The second evaluator sees nothing of the chair's scores until submitting; then sees them.
        var second = await SignedInAsync(EvaluationWorld.Second);
        await second.GotoAsync(assess);
        await Expect(second.Locator("main")).Not.ToContainTextAsync("Voorzitter: heldere visie");
        await ScoreAsync(second, "score", 7, 6, "Tweede: sterke wijkaanpak");
        await second.GetByRole(AriaRole.Button, new() { Name = "Mijn scores indienen (definitief)" }).ClickAndWaitForNewPageAsync();
        await Expect(second.Locator("main")).ToContainTextAsync("Voorzitter: heldere visie (K1)");
        await CheckAsync(second, "assessment after submitting");

        // The chair sets the consensus.
        await chair.GotoAsync($"/tenders/{w.Tender}/beoordeling/consensus/{w.A.ApplicationId}");
        await Expect(chair.Locator("main")).ToContainTextAsync("Tweede: sterke wijkaanpak (K1)");
        await CheckAsync(chair, "consensus form");
        await ScoreAsync(chair, "consensus", 8, 5, "Consensus A: heldere visie op de beweging");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Consensusscores vastleggen" }).ClickAndWaitForNewPageAsync();
        await Expect(chair.GetByRole(AriaRole.Status)).ToContainTextAsync("consensusscores zijn vastgelegd");

        // Procurement finds the decision page from the tender page, selects rank 1 and announces.
        var procurement = await SignedInAsync("anna.inkoper");
        await procurement.GotoAsync($"/tenders/{w.Tender}");
        await procurement.GetByRole(AriaRole.Link, new() { Name = "Rangschikking en selectiebeslissing" }).ClickAndWaitForNewPageAsync();
        var ranking = procurement.Locator("section[aria-labelledby=ranking-heading] tbody tr");
        await Expect(ranking.Nth(0)).ToContainTextAsync("Zorgcoöperatie Lunetten");
        await Expect(ranking.Nth(0)).ToContainTextAsync("68,00");
        await Expect(ranking.Nth(1)).ToContainTextAsync("Combinatie Wijkkracht");
        await CheckAsync(procurement, "ranking and decision");
        await procurement.Locator("#select-application").SelectOptionAsync(w.A.ApplicationId.ToString());
        await procurement.GetByRole(AriaRole.Button, new() { Name = "Selecteren" }).ClickAndWaitForNewPageAsync();
        await Expect(procurement.GetByRole(AriaRole.Status)).ToContainTextAsync("De kandidaat is geselecteerd.");
        await procurement.GetByRole(AriaRole.Button, new() { Name = "Selectiebeslissing bekendmaken" }).ClickAndWaitForNewPageAsync();
        await Expect(procurement.GetByRole(AriaRole.Status)).ToContainTextAsync("De selectiebeslissing is bekendgemaakt");
        await Expect(procurement.Locator("section[aria-labelledby=letters-heading] li")).ToHaveCountAsync(3);
        await CheckAsync(procurement, "decision after announcing");

        // A member of the consortium that was not selected reads its letter.
        var bidder = await SignedInAsync(w.B.Bidders[1]);
        await bidder.GotoAsync($"/tenders/{w.Tender}");
        await bidder.GetByRole(AriaRole.Link, new() { Name = "Brieven selectiebeslissing" }).ClickAndWaitForNewPageAsync();
        var letter = bidder.Locator("article.report");
        await Expect(letter).ToContainTextAsync("Niet geselecteerd");
        await Expect(letter).ToContainTextAsync("Consensus B: sterke uitvoering in de wijken K1");
        await Expect(letter).ToContainTextAsync("Consensus A: heldere visie op de beweging (K1)");
        await Expect(letter).Not.ToContainTextAsync("Geen ervaring met beschermd thuis");
        await Expect(letter).Not.ToContainTextAsync("Voorzitter: heldere visie");
        await Expect(bidder.GetByRole(AriaRole.Link, new() { Name = "Brief downloaden (PDF)" })).ToBeVisibleAsync();
        await CheckAsync(bidder, "candidate letter");

        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
