using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Applications;

/// <summary>
/// Nobody but the applicant reads an application before the deadline has passed AND the four-eyes opening is complete;
/// afterwards Procurement, Legal and assigned evaluators do (audited); Admin and other bidders never.
/// </summary>
public sealed class SealTests : ApplicationTestBase
{
    private string _application = "";
    private string _vision = "";
    private string _gva = "";

    private async Task SubmitConsortiumAsync()
    {
        var lead = S.Zorgplus1();
        _application = await S.CompleteAsync(lead, S.Zorgplus, "Utrechtse Combinatie", ("87654321", "MainContractor", S.Buurtzorg));
        await S.SubmitAsync(lead, _application);
        var view = await lead.GetJsonAsync($"{S.Applications}/{_application}");
        _vision = view["documents"]!.AsArray().Single(d => d!["kind"]!.GetValue<string>() == "selection.vision")!["id"]!.GetValue<string>();
        _gva = view["documents"]!.AsArray().First(d => d!["kind"]!.GetValue<string>() == "selection.gva")!["id"]!.GetValue<string>();
    }

    private Dictionary<string, Func<HttpClient>> Outsiders() => new()
    {
        ["Admin"] = S.Admin,
        ["Procurement"] = App.Procurement,
        ["Second buyer"] = S.SecondBuyer,
        ["Legal"] = App.Legal,
        ["Assigned evaluator"] = S.Evaluator,
        ["Unassigned evaluator"] = S.UnassignedEvaluator,
        ["Other bidder"] = S.Outsider1,
        ["Partner"] = () => App.ClientAs("pia.partner", "Partner"),
        ["Anonymous"] = App.CreateClient,
    };

    private async Task<List<string>> ContentReadsAsync(HttpClient client)
    {
        var leaks = new List<string>();
        foreach (var url in new[] { $"{S.Applications}/{_application}", $"/api/documents/{_vision}", $"/api/documents/{_gva}" })
        {
            var response = await client.GetAsync(url);
            if (response.IsSuccessStatusCode)
            {
                leaks.Add(url);
            }
        }
        var list = await client.GetAsync(S.Applications);
        if (list.IsSuccessStatusCode && JsonNode.Parse(await list.Content.ReadAsStringAsync())!["applications"] is JsonArray)
        {
            leaks.Add(S.Applications);
        }
        var page = await client.GetAsync($"/tenders/{S.Tender}/applications");
        var html = await page.Content.ReadAsStringAsync();
        if (html.Contains("Zorgplus", StringComparison.Ordinal) || html.Contains("visie.pdf", StringComparison.Ordinal) || html.Contains("Utrechtse Combinatie", StringComparison.Ordinal))
        {
            leaks.Add("/tenders/{id}/applications");
        }
        return leaks;
    }

    private async Task AssertSealedForEveryoneButTheApplicantAsync()
    {
        var leaks = new List<string>();
        foreach (var (who, client) in Outsiders())
        {
            leaks.AddRange((await ContentReadsAsync(client())).Select(l => $"{who}: {l}"));
        }
        Assert.True(leaks.Count == 0, "Read sealed content: " + string.Join("; ", leaks));
        Assert.Equal(HttpStatusCode.OK, (await S.Zorgplus1().GetAsync($"/api/documents/{_vision}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await S.Buurtzorg1().GetAsync($"{S.Applications}/{_application}")).StatusCode);
    }

    [Fact]
    public async Task Before_the_deadline_nobody_but_the_applicant_reads_it()
    {
        await SubmitConsortiumAsync();
        await AssertSealedForEveryoneButTheApplicantAsync();
        var overview = await App.Procurement().GetJsonAsync(S.Applications);
        Assert.True(overview["sealed"]!.GetValue<bool>());
        Assert.Equal(1, overview["submittedCount"]!.GetValue<int>());
        var page = await (await App.Procurement().GetAsync($"/tenders/{S.Tender}/applications")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"submitted-count\">1<", page);
    }

    [Fact]
    public async Task After_the_deadline_but_before_the_second_buyer_completes_it_is_still_sealed()
    {
        await SubmitConsortiumAsync();
        await S.CloseApplicationsAsync();
        await AssertSealedForEveryoneButTheApplicantAsync();
        await SelectionScenario.Ok(App.Procurement().PostAsync($"/api/tenders/{S.Tender}/openings/selection/record", null));
        await AssertSealedForEveryoneButTheApplicantAsync();
    }

    [Fact]
    public async Task After_the_opening_staff_readers_see_it_audited_and_Admin_and_other_bidders_never()
    {
        await SubmitConsortiumAsync();
        await S.CloseApplicationsAsync();
        await S.OpenAsync();

        // An assigned evaluator first declares no conflict of interest; until then the content stays closed to them.
        Assert.Empty(await ContentReadsAsync(S.Evaluator()));
        await SelectionScenario.Ok(S.Evaluator().PostAsJsonAsync($"/api/tenders/{S.Tender}/evaluation/declaration", new { hasConflict = false }));
        foreach (var (who, client) in new Dictionary<string, Func<HttpClient>> { ["Procurement"] = App.Procurement, ["Legal"] = App.Legal, ["Evaluator"] = S.Evaluator })
        {
            Assert.Equal(5, (await ContentReadsAsync(client())).Count);
        }
        foreach (var (who, client) in new Dictionary<string, Func<HttpClient>> { ["Admin"] = S.Admin, ["Other bidder"] = S.Outsider1, ["Unassigned evaluator"] = S.UnassignedEvaluator, ["Anonymous"] = App.CreateClient })
        {
            Assert.True((await ContentReadsAsync(client())).Count == 0, who);
        }
        var page = await (await App.Legal().GetAsync($"/tenders/{S.Tender}/applications")).Content.ReadAsStringAsync();
        Assert.Contains("Utrechtse Combinatie", page);
        Assert.Contains("Buurtzorg Oost", page);

        var reads = S.Db(db => db.AuditEvents.Where(e => e.TenderId == S.TenderId && (e.Action == "document.read" || e.Action == "application.read"))
            .Select(e => new { e.Action, e.ActorRole }).ToList());
        Assert.Contains(reads, r => r.Action == "document.read" && r.ActorRole == "Evaluator");
        Assert.Contains(reads, r => r.Action == "application.read" && r.ActorRole == "Legal");
        Assert.DoesNotContain(reads, r => r.ActorRole == "Bidder" || r.ActorRole == "Admin");
    }

    [Fact]
    public async Task Withdrawn_and_draft_applications_are_never_opened()
    {
        var draft = await S.CreateAsync(S.Outsider1());
        await SubmitConsortiumAsync();
        var lister = S.Lister1();
        var withdrawn = await S.CompleteAsync(lister, S.Lister);
        await S.SubmitAsync(lister, withdrawn);
        await SelectionScenario.Ok(lister.PostAsync($"{S.Applications}/{withdrawn}/withdraw", null));
        await S.CloseApplicationsAsync();
        await S.OpenAsync();
        var procurement = App.Procurement();
        Assert.Equal(HttpStatusCode.NotFound, (await procurement.GetAsync($"{S.Applications}/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await procurement.GetAsync($"{S.Applications}/{withdrawn}")).StatusCode);
        var overview = await procurement.GetJsonAsync(S.Applications);
        Assert.Equal(_application, Assert.Single(overview["applications"]!.AsArray())!["id"]!.GetValue<string>());
    }
    [Fact]
    public async Task After_the_opening_a_replaced_document_the_applicant_never_submitted_stays_unreadable_for_staff()
    {
        var lead = S.Zorgplus1();
        var application = await S.CompleteAsync(lead, S.Zorgplus);
        var first = (await lead.GetJsonAsync($"{S.Applications}/{application}"))["documents"]!.AsArray()
            .Single(d => d!["kind"]!.GetValue<string>() == "selection.vision")!["id"]!.GetValue<string>();
        await SelectionScenario.Ok(S.UploadAsync(lead, application, TestFiles.Pdf("Visie, tweede versie"), "visie-v2.pdf", "vision"));
        await S.SubmitAsync(lead, application);
        await S.CloseApplicationsAsync();
        await S.OpenAsync();

        foreach (var (who, client) in new Dictionary<string, Func<HttpClient>> { ["Procurement"] = App.Procurement, ["Legal"] = App.Legal })
        {
            Assert.True(HttpStatusCode.NotFound == (await client().GetAsync($"/api/documents/{first}")).StatusCode, who);
            var documents = (await client().GetJsonAsync($"{S.Applications}/{application}"))["documents"]!.AsArray();
            Assert.DoesNotContain(documents, d => d!["id"]!.GetValue<string>() == first);
            Assert.Contains(documents, d => d!["fileName"]!.GetValue<string>() == "visie-v2.pdf");
        }
        Assert.Equal(HttpStatusCode.OK, (await S.Zorgplus1().GetAsync($"/api/documents/{first}")).StatusCode);
        Assert.Contains((await S.Zorgplus1().GetJsonAsync($"{S.Applications}/{application}"))["documents"]!.AsArray(), d => d!["id"]!.GetValue<string>() == first);
    }
}
