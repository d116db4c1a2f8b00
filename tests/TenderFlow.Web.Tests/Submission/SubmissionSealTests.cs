using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Submission.SubmissionWorld;

namespace TenderFlow.Web.Tests.Submission;

public sealed class SubmissionSealTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static bool Refused(HttpStatusCode status) => status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Unauthorized;

    [Fact]
    public async Task Nobody_reads_the_content_before_the_four_eyes_opening_the_rejected_candidate_never_and_the_same_buyer_cannot_open_alone()
    {
        var w = await CreateAsync(_app);
        await w.FillAsync();
        var receipt = await w.SubmitAsync();
        var document = receipt["documents"]!.AsArray().Single()!["documentId"]!.GetValue<string>();
        var staff = new Dictionary<string, Func<HttpClient>>
        {
            ["Procurement"] = w.Procurement, ["Legal"] = w.Legal, ["Admin"] = w.Admin, ["Chair"] = w.Chair, ["Evaluator"] = w.SecondEvaluator,
        };

        async Task AssertSealedAsync()
        {
            foreach (var (name, client) in staff)
            {
                var view = await client().GetJsonAsync(w.Api);
                Assert.True(view["content"] is null, $"{name} saw the content of a sealed submission");
                Assert.Equal("Submitted", view["status"]!.GetValue<string>());
                Assert.True(Refused((await client().GetAsync($"/api/documents/{document}")).StatusCode), $"{name} downloaded a sealed document");
            }
        }

        await AssertSealedAsync();
        Assert.Equal("SubmissionAccessRule", await RuleAsync(w.Rejected().GetAsync(w.Api), 403));
        Assert.True(Refused((await w.Rejected().GetAsync($"/api/documents/{document}")).StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await w.Participant().GetAsync($"/api/documents/{document}")).StatusCode);
        Assert.NotNull((await w.Participant().GetJsonAsync(w.Api))["content"]);

        // Not before the deadline, and not in the submission phase.
        Assert.Equal("DeadlineNotPassedRule", await RuleAsync(w.Procurement().PostAsync($"{w.Openings}/record", null), 409));
        await w.Dialogue.ClockAtAsync("submissionClose", TimeSpan.Zero);
        Assert.Equal("OpeningNotAvailableRule", await RuleAsync(w.Procurement().PostAsync($"{w.Openings}/record", null), 409));
        await w.CloseAsync();
        await AssertSealedAsync();

        await Ok(w.Procurement().PostAsync($"{w.Openings}/record", null), HttpStatusCode.OK);
        Assert.Equal("SameOpenerRule", await RuleAsync(w.Procurement().PostAsync($"{w.Openings}/complete", null), 409));
        await AssertSealedAsync();
        await Ok(w.SecondProcurement().PostAsync($"{w.Openings}/complete", null), HttpStatusCode.OK);

        // After the opening: Procurement, Legal and evaluators without a conflict read (audited); Admin and the rejected candidate still not.
        var status = await w.Procurement().GetJsonAsync(w.Openings);
        Assert.Equal("Complete", status["state"]!.GetValue<string>());
        Assert.Equal(1, status["sealedCount"]!.GetValue<int>());
        foreach (var client in new[] { w.Procurement(), w.Legal(), w.Chair() })
        {
            var view = await client.GetJsonAsync(w.Api);
            Assert.Equal(28_700_000m, view["content"]!["budget"]!.AsArray()[0]!["amountEuros"]!.GetValue<decimal>());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/documents/{document}")).StatusCode);
        }
        Assert.Null((await w.Admin().GetJsonAsync(w.Api))["content"]);
        Assert.True(Refused((await w.Admin().GetAsync($"/api/documents/{document}")).StatusCode));
        Assert.Equal("SubmissionAccessRule", await RuleAsync(w.Rejected().GetAsync(w.Api), 403));
        Assert.True(Refused((await w.Rejected().GetAsync($"/api/documents/{document}")).StatusCode));

        var audit = await w.Procurement().GetArrayAsync($"/api/tenders/{w.Tender}/audit");
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "submission.read");
        var opened = audit.Single(e => e!["action"]!.GetValue<string>() == "vault.opened")!;
        var listed = opened["payload"]!["entries"]!.AsArray().Single()!["documents"]!.AsArray().Select(d => d!["sha256"]!.GetValue<string>()).ToList();
        Assert.Contains(receipt["documents"]!.AsArray().Single()!["sha256"]!.GetValue<string>(), listed);
        Assert.Contains(receipt["answersSha256"]!.GetValue<string>(), listed);

        // The proces-verbaal is a real PDF document of the opening.
        var record = status["recordDocumentId"]!.GetValue<string>();
        var pdf = await w.Procurement().GetAsync($"/api/documents/{record}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
    }

    [Fact]
    public async Task A_withdrawn_tender_is_not_in_the_vault_and_stays_unreadable_for_staff_after_the_opening()
    {
        var w = await CreateAsync(_app);
        await w.FillAsync();
        var receipt = await w.SubmitAsync();
        await Ok(w.Participant().PostAsync($"{w.Api}/withdraw", null), HttpStatusCode.NoContent);
        await w.CloseAndOpenAsync();
        var status = await w.Procurement().GetJsonAsync(w.Openings);
        Assert.Equal(0, status["sealedCount"]!.GetValue<int>());
        var view = await w.Procurement().GetJsonAsync(w.Api);
        Assert.Equal("Withdrawn", view["status"]!.GetValue<string>());
        Assert.Null(view["content"]);
        var document = receipt["documents"]!.AsArray().Single()!["documentId"]!.GetValue<string>();
        Assert.True(Refused((await w.Procurement().GetAsync($"/api/documents/{document}")).StatusCode));
        Assert.Equal(0, await w.DbAsync(db => db.AuditEvents.CountAsync(e => e.TenderId == w.TenderId && e.Action == "submission.read")));
    }
    [Fact]
    public async Task A_replaced_version_the_participant_never_submitted_stays_unreadable_for_staff_after_the_opening()
    {
        var w = await CreateAsync(_app);
        await Ok(w.Participant().PutAsJsonAsync($"{w.Api}/answers", Answers()), HttpStatusCode.NoContent);
        var first = (await w.UploadAsync(w.Participant(), content: TestFiles.Pdf("Eerste versie, nooit ingediend")))["documentId"]!.GetValue<string>();
        var second = (await w.UploadAsync(w.Participant(), content: TestFiles.Pdf("Tweede versie")))["documentId"]!.GetValue<string>();
        await w.SubmitAsync();
        await w.CloseAndOpenAsync();

        // Staff find the replaced version's id in the audit trail (document.uploaded), but it was never submitted.
        var audit = await w.Procurement().GetArrayAsync($"/api/tenders/{w.Tender}/audit");
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "document.uploaded" && e["subject"]!.GetValue<string>() == $"document/{first}");
        foreach (var (name, client) in new Dictionary<string, Func<HttpClient>> { ["Procurement"] = w.Procurement, ["Legal"] = w.Legal, ["Chair"] = w.Chair })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client().GetAsync($"/api/documents/{first}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client().GetAsync($"/api/documents/{second}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await w.Participant().GetAsync($"/api/documents/{first}")).StatusCode);
        Assert.Equal(0, await w.DbAsync(db => db.AuditEvents.CountAsync(e => e.TenderId == w.TenderId && e.Action == "document.read" && e.Subject == $"document/{first}")));
    }
}
