using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Applications;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Features.Sealing;
using TenderFlow.Web.Tests.Applications;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Sealing;

public sealed class OpeningTests : ApplicationTestBase
{
    private string Openings => $"/api/tenders/{S.Tender}/openings/selection";

    private static async Task<string> RuleAsync(HttpResponseMessage response, int status) => (await response.ProblemAsync(status))["rule"]!.GetValue<string>();

    [Fact]
    public async Task Opening_before_the_deadline_is_refused_even_one_tick_before()
    {
        App.Clock.SetUtcNow(SelectionScenario.ApplicationsClose.AddTicks(-1));
        Assert.Equal("DeadlineNotPassedRule", await RuleAsync(await App.Procurement().PostAsync($"{Openings}/record", null), 409));
        Assert.Equal(0, S.Db(db => db.VaultOpenings.Count()));
    }

    [Fact]
    public async Task At_the_deadline_the_opening_still_needs_the_selection_phase()
    {
        App.Clock.SetUtcNow(SelectionScenario.ApplicationsClose);
        Assert.Equal("OpeningNotAvailableRule", await RuleAsync(await App.Procurement().PostAsync($"{Openings}/record", null), 409));
        Assert.Equal(HttpStatusCode.OK, (await App.Procurement().FireAsync(S.Tender, "closeApplications")).StatusCode);
        await SelectionScenario.Ok(App.Procurement().PostAsync($"{Openings}/record", null));
    }

    [Fact]
    public async Task The_same_buyer_cannot_both_record_and_complete()
    {
        await S.CloseApplicationsAsync();
        var buyer = App.Procurement();
        Assert.Equal("OpeningNotRecordedRule", await RuleAsync(await buyer.PostAsync($"{Openings}/complete", null), 409));
        await SelectionScenario.Ok(buyer.PostAsync($"{Openings}/record", null));
        Assert.Equal("OpeningAlreadyRecordedRule", await RuleAsync(await S.SecondBuyer().PostAsync($"{Openings}/record", null), 409));
        Assert.Equal("SameOpenerRule", await RuleAsync(await buyer.PostAsync($"{Openings}/complete", null), 409));
        Assert.False(await ApplicationSealOpenedAsync());
        await SelectionScenario.Ok(S.SecondBuyer().PostAsync($"{Openings}/complete", null));
        Assert.True(await ApplicationSealOpenedAsync());
        Assert.Equal("OpeningAlreadyCompleteRule", await RuleAsync(await buyer.PostAsync($"{Openings}/complete", null), 409));
    }

    [Fact]
    public async Task Only_Procurement_opens()
    {
        await S.CloseApplicationsAsync();
        foreach (var client in new[] { App.Legal(), S.Admin(), S.Evaluator(), S.Zorgplus1() })
        {
            var response = await client.PostAsync($"{Openings}/record", null);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, response.StatusCode.ToString());
        }
        Assert.Equal(0, S.Db(db => db.VaultOpenings.Count()));
        Assert.Equal(HttpStatusCode.NotFound, (await App.Procurement().PostAsync($"/api/tenders/{S.Tender}/openings/kluis/record", null)).StatusCode);
    }

    [Fact]
    public async Task The_proces_verbaal_names_both_buyers_and_lists_every_document_with_its_hash()
    {
        var zorgplus = S.Zorgplus1();
        var first = await S.CompleteAsync(zorgplus, S.Zorgplus, "Utrechtse Combinatie", ("87654321", "MainContractor", S.Buurtzorg));
        await S.SubmitAsync(zorgplus, first);
        var lister = S.Lister1();
        var second = await S.CompleteAsync(lister, S.Lister);
        await S.SubmitAsync(lister, second);
        await S.CloseApplicationsAsync();
        await S.OpenAsync();

        var status = await App.Legal().GetJsonAsync(Openings);
        Assert.Equal("Complete", status["state"]!.GetValue<string>());
        Assert.Equal("anna.inkoper", status["firstUserName"]!.GetValue<string>());
        Assert.Equal("bert.inkoper", status["secondUserName"]!.GetValue<string>());
        var recordId = status["recordDocumentId"]!.GetValue<string>();

        // The audit event lists every document of every submitted application.
        var opened = S.Db(db => db.AuditEvents.Single(e => e.TenderId == S.TenderId && e.Action == "vault.opened"));
        foreach (var hash in S.Hashes.Values)
        {
            Assert.Contains(hash, opened.PayloadJson);
        }
        Assert.Equal(8, JsonDocument.Parse(opened.PayloadJson).RootElement.GetProperty("entries").EnumerateArray().Sum(e => e.GetProperty("documents").GetArrayLength()));

        // The PDF's text (built from the same sealed contents) names every hash too.
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
            var entries = await new SelectionVault().ContentsAsync(db, S.TenderId, default);
            var tender = db.Tenders.Single(t => t.Id == S.TenderId);
            var text = OpeningRecord.Build(tender, "selection", "anna.inkoper", DateTime.UtcNow, "bert.inkoper", DateTime.UtcNow, SelectionScenario.ApplicationsClose.UtcDateTime, entries).PlainText();
            foreach (var hash in S.Hashes.Values)
            {
                Assert.Contains(hash, text);
            }
            Assert.Contains("Utrechtse Combinatie (Zorgplus Utrecht, Buurtzorg Oost)", text);
            Assert.Contains("Stichting Lister", text);
            var record = db.Documents.Single(d => d.Id == Guid.Parse(recordId));
            Assert.Equal("sealing.record", record.Kind);
        }

        var pdf = await App.Legal().GetAsync($"/api/documents/{recordId}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        Assert.Equal(HttpStatusCode.OK, (await S.Evaluator().GetAsync($"/api/documents/{recordId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await S.Admin().GetAsync($"/api/documents/{recordId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await S.Zorgplus1().GetAsync($"/api/documents/{recordId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await S.UnassignedEvaluator().GetAsync($"/api/documents/{recordId}")).StatusCode);

        var actions = S.Db(db => db.AuditEvents.Where(e => e.TenderId == S.TenderId).Select(e => e.Action).ToList());
        Assert.Contains("vault.opening.recorded", actions);
        Assert.Contains("vault.opened", actions);
    }

    [Fact]
    public async Task The_opening_page_shows_the_proces_verbaal_only_once_complete_and_showing_it_is_an_audited_read()
    {
        var lister = S.Lister1();
        var application = await S.CompleteAsync(lister, S.Lister);
        await S.SubmitAsync(lister, application);
        await S.CloseApplicationsAsync();
        var page = $"/tenders/{S.Tender}/openings/selection";
        var hash = S.Hashes.Values.First();

        await SelectionScenario.Ok(App.Procurement().PostAsync($"{Openings}/record", null));
        var before = await App.Legal().GetStringAsync(page);
        Assert.DoesNotContain(hash, before);
        Assert.DoesNotContain("Stichting Lister", before);
        Assert.Equal(0, S.Db(db => db.AuditEvents.Count(e => e.TenderId == S.TenderId && e.Action == "document.read")));

        await SelectionScenario.Ok(S.SecondBuyer().PostAsync($"{Openings}/complete", null));
        var after = await App.Legal().GetStringAsync(page);
        Assert.Contains("Proces-verbaal van opening", after);
        Assert.Contains("Stichting Lister", after);
        Assert.Contains(hash, after);
        var read = S.Db(db => db.AuditEvents.Single(e => e.TenderId == S.TenderId && e.Action == "document.read"));
        Assert.Contains("sealing.record", read.PayloadJson);
        var bidder = await S.Zorgplus1().GetAsync(page);
        Assert.NotEqual(HttpStatusCode.OK, bidder.StatusCode);
        Assert.DoesNotContain(hash, await bidder.Content.ReadAsStringAsync());
    }

    private Task<bool> ApplicationSealOpenedAsync()
    {
        using var scope = App.Services.CreateScope();
        return ApplicationSeal.IsOpenedAsync(scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>(), S.TenderId, default);
    }
}
