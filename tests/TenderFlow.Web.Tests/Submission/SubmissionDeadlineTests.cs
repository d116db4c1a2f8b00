using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Submission.SubmissionWorld;

namespace TenderFlow.Web.Tests.Submission;

public sealed class SubmissionDeadlineTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_deadline_instant_and_one_tick_after_are_closed_for_every_change_one_tick_before_is_open()
    {
        var w = await CreateAsync(_app);
        var participant = w.Participant();
        await w.FillAsync(participant);

        // Tokens are issued on the fake clock: a fresh client after each jump.
        await w.Dialogue.ClockAtAsync("submissionClose", TimeSpan.FromTicks(-1));
        await w.SubmitAsync(w.Participant());

        await w.Dialogue.ClockAtAsync("submissionClose", TimeSpan.Zero);
        participant = w.Participant();
        Assert.Equal("SubmissionAfterDeadlineRule", await RuleAsync(participant.PostAsync($"{w.Api}/withdraw", null), 409));
        Assert.Equal("SubmissionAfterDeadlineRule", await RuleAsync(participant.PutAsJsonAsync($"{w.Api}/answers", Answers("te laat")), 409));

        await w.Dialogue.ClockAtAsync("submissionClose", TimeSpan.FromTicks(1));
        participant = w.Participant();
        Assert.Equal("SubmissionAfterDeadlineRule", await RuleAsync(participant.PostAsync($"{w.Api}/submit", null), 409));
        Assert.Equal("SubmissionAfterDeadlineRule", await RuleAsync(participant.PostAsync($"{w.Api}/documents",
            TestFiles.Form(TestFiles.Pdf("te laat"), "laat.pdf", new Dictionary<string, string> { ["kind"] = "tender" })), 409));

        // Nothing changed after the deadline: still submitted, the plan of before the deadline, one document version.
        var view = await participant.GetJsonAsync(w.Api);
        Assert.Equal("Submitted", view["status"]!.GetValue<string>());
        Assert.DoesNotContain("te laat", view["content"]!["implementationPlan"]!.GetValue<string>());
        Assert.Equal(1, await w.DbAsync(db => db.Documents.CountAsync(d => d.TenderId == w.TenderId && d.Kind.StartsWith("submission."))));
    }

    [Fact]
    public async Task Replace_and_withdraw_until_the_deadline_each_audited_and_the_receipt_hashes_what_was_submitted()
    {
        var w = await CreateAsync(_app);
        var participant = w.Participant();
        Assert.Equal("SubmissionIncompleteRule", await RuleAsync(participant.PostAsync($"{w.Api}/submit", null), 409));
        // Invisible characters are no implementation plan: the submission stays incomplete.
        await Ok(participant.PutAsJsonAsync($"{w.Api}/answers", Answers(plan: "\u200b\u2060")), HttpStatusCode.NoContent);
        Assert.Contains("the implementation plan summary", (await (await participant.PostAsync($"{w.Api}/submit", null)).ProblemAsync(409))["detail"]!.GetValue<string>());
        var offer = TestFiles.Pdf("Inschrijving Lunetten v1");
        await Ok(participant.PutAsJsonAsync($"{w.Api}/answers", Answers()), HttpStatusCode.NoContent);
        Assert.Equal("SubmissionIncompleteRule", await RuleAsync(participant.PostAsync($"{w.Api}/submit", null), 409));
        var uploaded = await w.UploadAsync(participant, "tender", offer);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(offer)), uploaded["sha256"]!.GetValue<string>());

        var first = await w.SubmitAsync(participant);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(offer)), first["documents"]!.AsArray().Single()!["sha256"]!.GetValue<string>());
        var answersHash = first["answersSha256"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{64}$", answersHash);
        Assert.Equal(_app.Clock.GetUtcNow().UtcDateTime, first["submittedAtUtc"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal("SubmissionAlreadySubmittedRule", await RuleAsync(participant.PostAsync($"{w.Api}/submit", null), 409));

        // Editing a submitted tender returns it to draft: it must be submitted again.
        await Ok(participant.PutAsJsonAsync($"{w.Api}/answers", Answers("Een ander plan.")), HttpStatusCode.NoContent);
        Assert.Equal("Draft", (await participant.GetJsonAsync(w.Api))["status"]!.GetValue<string>());
        var second = await w.SubmitAsync(participant);
        Assert.NotEqual(answersHash, second["answersSha256"]!.GetValue<string>());

        // Replacing the offer: version 2, the first kept as history, back to draft until submitted again.
        var replaced = await w.UploadAsync(participant, "submission.tender", TestFiles.Pdf("Inschrijving Lunetten v2"));
        Assert.Equal(2, replaced["version"]!.GetValue<int>());
        Assert.Equal("Draft", (await participant.GetJsonAsync(w.Api))["status"]!.GetValue<string>());
        Assert.Equal("SubmissionNotSubmittedRule", await RuleAsync(participant.PostAsync($"{w.Api}/withdraw", null), 409));
        var third = await w.SubmitAsync(participant);
        Assert.Equal(replaced["sha256"]!.GetValue<string>(), third["documents"]!.AsArray().Single()!["sha256"]!.GetValue<string>());

        await Ok(participant.PostAsync($"{w.Api}/withdraw", null), HttpStatusCode.NoContent);
        var withdrawn = await participant.GetJsonAsync(w.Api);
        Assert.Equal("Withdrawn", withdrawn["status"]!.GetValue<string>());
        Assert.Null(withdrawn["receipt"]);

        var audit = await w.Procurement().GetArrayAsync($"/api/tenders/{w.Tender}/audit");
        var actions = audit.Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Equal(3, actions.Count(a => a == "submission.submitted"));
        Assert.Equal(2, actions.Count(a => a == "submission.returnedToDraft"));
        Assert.Contains("submission.withdrawn", actions);
        // Staff read the audit trail while the vault is sealed: it must not carry the content.
        Assert.DoesNotContain("Een ander plan", audit.ToJsonString());
        Assert.All(audit.Where(e => e!["action"]!.GetValue<string>().StartsWith("submission.")), e => Assert.DoesNotContain("inschrijving.pdf", e!.ToJsonString()));
    }

    [Fact]
    public async Task Saving_the_same_answers_or_uploading_the_same_file_again_leaves_a_submitted_tender_submitted()
    {
        var w = await CreateAsync(_app);
        var participant = w.Participant();
        await w.FillAsync(participant);
        var receipt = await w.SubmitAsync(participant);
        var offer = receipt["documents"]!.AsArray().Single()!;

        await Ok(participant.PutAsJsonAsync($"{w.Api}/answers", Answers()), HttpStatusCode.NoContent);
        var again = await w.UploadAsync(participant);
        Assert.Equal(offer["documentId"]!.GetValue<string>(), again["documentId"]!.GetValue<string>());
        Assert.Equal(1, again["version"]!.GetValue<int>());

        var view = await participant.GetJsonAsync(w.Api);
        Assert.Equal("Submitted", view["status"]!.GetValue<string>());
        Assert.Equal(receipt["answersSha256"]!.GetValue<string>(), view["receipt"]!["answersSha256"]!.GetValue<string>());
        Assert.Equal(0, await w.DbAsync(db => db.AuditEvents.CountAsync(e => e.TenderId == w.TenderId && e.Action == "submission.returnedToDraft")));

        // A real change does return it to draft, and the page says so instead of just "saved".
        var (_, html) = await Portal.PortalForms.PostAsync(participant, $"/tenders/{w.Tender}/inschrijving?handler=Answers", new Dictionary<string, string>
        {
            ["amount-2028"] = "28.700.000", ["amount-2029"] = "28.700.000", ["amount-2030"] = "28.700.000",
            ["budgetExplanation"] = "Binnen het taakgerichte budget.", ["implementationPlan"] = "Een ander plan.",
            ["contractStartReady"] = "yes", ["readinessExplanation"] = "Personeel is geworven.",
        });
        Assert.Equal("Draft", (await participant.GetJsonAsync(w.Api))["status"]!.GetValue<string>());
        Assert.Contains("Uw inschrijving is weer een concept: dien opnieuw in vóór 2027-09-01 12:00", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    /// <summary>
    /// The clock moves on with every reading (one tick each). The deadline is put a few ticks ahead, one more each try, until
    /// the change is accepted just before it: the time recorded must be the one the window was judged by, so before the deadline.
    /// </summary>
    private async Task<JsonObject> FirstAcceptedJustBeforeTheDeadlineAsync(SubmissionWorld w, Func<HttpClient, Task<HttpResponseMessage>> change, string timeField)
    {
        for (var ticks = 1; ticks <= 500; ticks++)
        {
            var client = w.Participant();
            var due = _app.Clock.GetUtcNow().UtcDateTime.AddTicks(ticks);
            await w.DbAsync(async db =>
            {
                (await db.TenderDeadlines.SingleAsync(d => d.TenderId == w.TenderId && d.Key == "submissionClose")).DueAtUtc = due;
                return await db.SaveChangesAsync();
            });
            _app.Clock.AutoAdvanceAmount = TimeSpan.FromTicks(1);
            var response = await change(client);
            _app.Clock.AutoAdvanceAmount = TimeSpan.Zero;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
                Assert.True(body[timeField]!.GetValue<DateTime>().ToUniversalTime() < due, $"{timeField} {body[timeField]} is not before the deadline {due:O}");
                return body;
            }
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        }
        throw new InvalidOperationException("No change was accepted just before the deadline.");
    }

    [Fact]
    public async Task An_accepted_submission_or_upload_is_recorded_at_the_moment_the_window_was_judged_open()
    {
        var w = await CreateAsync(_app);
        await w.FillAsync();
        await FirstAcceptedJustBeforeTheDeadlineAsync(w, client => client.PostAsync($"{w.Api}/documents",
            TestFiles.Form(TestFiles.Pdf("Bijlage op het laatste moment"), "bijlage.pdf", new Dictionary<string, string> { ["kind"] = "annex" })), "receivedAtUtc");
        await FirstAcceptedJustBeforeTheDeadlineAsync(w, client => client.PostAsync($"{w.Api}/submit", null), "submittedAtUtc");
    }

    [Fact]
    public async Task Only_the_selected_participant_can_submit_bad_input_is_refused_by_name()
    {
        var w = await CreateAsync(_app);
        Assert.Equal("NotTheParticipantRule", await RuleAsync(w.Rejected().PutAsJsonAsync($"{w.Api}/answers", Answers()), 403));
        Assert.Equal("NotTheParticipantRule", await RuleAsync(w.Rejected().PostAsync($"{w.Api}/documents",
            TestFiles.Form(TestFiles.Pdf(), "x.pdf", new Dictionary<string, string> { ["kind"] = "tender" })), 403));
        Assert.Equal("NotTheParticipantRule", await RuleAsync(w.Procurement().PostAsync($"{w.Api}/submit", null), 403));
        var participant = w.Participant();
        Assert.Equal("SubmissionAnswerRule", await RuleAsync(participant.PutAsJsonAsync($"{w.Api}/answers",
            new { budget = new[] { new { year = 2031, amountEuros = 1m } } }), 400));
        Assert.Equal("SubmissionAnswerRule", await RuleAsync(participant.PutAsJsonAsync($"{w.Api}/answers",
            new { budget = new[] { new { year = 2028, amountEuros = 1m }, new { year = 2028, amountEuros = 2m } } }), 400));
        Assert.Equal("UnreadableTextRule", await RuleAsync(participant.PutAsJsonAsync($"{w.Api}/answers",
            new { implementationPlan = "Overgang in drie golven, \u202Eniet\u202C in vier." }), 400));
        Assert.Equal("SubmissionDocumentKindRule", await RuleAsync(participant.PostAsync($"{w.Api}/documents",
            TestFiles.Form(TestFiles.Pdf(), "x.pdf", new Dictionary<string, string> { ["kind"] = "vision" })), 400));
        var bad = await participant.PostAsync($"{w.Api}/documents", TestFiles.Form(TestFiles.Executable(), "x.pdf", new Dictionary<string, string> { ["kind"] = "tender" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(0, await w.DbAsync(db => db.Documents.CountAsync(d => d.TenderId == w.TenderId && d.Kind.StartsWith("submission."))));
        var view = await participant.GetJsonAsync(w.Api);
        Assert.Equal(new[] { 2028, 2029, 2030 }, view["budgetYears"]!.AsArray().Select(y => y!.GetValue<int>()));
    }
}
