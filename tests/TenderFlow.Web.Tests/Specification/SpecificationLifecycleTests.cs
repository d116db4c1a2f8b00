using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Specification.SpecificationWorld;

namespace TenderFlow.Web.Tests.Specification;

/// <summary>From the agreed outcomes to an approved final specification and the opening of the submission, with the rules on the way.</summary>
public sealed class SpecificationLifecycleTests
{
    [Fact]
    public async Task Drafting_versioning_review_and_the_openSubmission_guard()
    {
        using var app = new TenderFlowFactory();
        var world = await SpecificationWorld.CreateAsync(app, conclude: false);
        var procurement = app.Procurement();

        // Still in the dialogue: the definition does not open drafting there.
        Assert.Equal("SpecificationDraftingClosedRule", await RuleAsync(await procurement.PostAsync($"{world.Api}/draft", null), 409));
        await world.SettleThemesAsync();
        await world.ConcludeDialogueAsync();
        Assert.Equal("none", (await procurement.GetJsonAsync(world.Api))["status"]!.GetValue<string>());
        Assert.Equal("SpecificationNotDraftedRule", await RuleAsync(await world.ReviewAsync(1, true), 409));

        // Version 1 from the outcomes: one section per closed theme, linked to it; the waived theme has none.
        var v1 = await world.DraftAsync();
        var themes = world.Db(db => db.DialogueThemes.AsNoTracking().Where(t => t.TenderId == world.Dialogue.TenderId).OrderBy(t => t.Key).ToList());
        var closed = themes.Where(t => t.Status == DialogueThemeStatus.Closed).ToList();
        var sections = v1["sections"]!.AsArray();
        Assert.Equal(1, v1["number"]!.GetValue<int>());
        Assert.Equal(closed.Count, sections.Count);
        Assert.Equal(10, sections.Count);
        Assert.Equal(closed.Select(t => (t.Id, t.TitleNl, t.AgreedOutcome!)), sections.Select(s => (s!["themeId"]!.GetValue<Guid>(), s["heading"]!.GetValue<string>(), s["text"]!.GetValue<string>())));
        Assert.DoesNotContain(sections, s => s!["themeKey"]!.GetValue<string>() == WaivedKey);
        Assert.Contains("dialoog", v1["introduction"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{64}$", v1["sha256"]!.GetValue<string>());
        Assert.Equal("draft", v1["status"]!.GetValue<string>());
        Assert.Equal("SpecificationAlreadyDraftedRule", await RuleAsync(await procurement.PostAsync($"{world.Api}/draft", null), 409));

        // Legal reviews, but does not write; Procurement writes, but does not review.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Legal().PostAsync($"{world.Api}/draft", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Legal().PutAsJsonAsync(world.Api, new { introduction = "x", sections = Array.Empty<object>(), basedOnVersion = 1 })).StatusCode);
        Assert.Equal("SpecificationAccessRule", await RuleAsync(await procurement.PostAsJsonAsync($"{world.Api}/review", new { version = 1, approve = true }), 403));

        // Version 2: a changed section, one removed, one added.
        var v2Sections = sections.Select((s, i) => new
        {
            themeId = s!["themeId"]!.GetValue<Guid?>(),
            heading = s["heading"]!.GetValue<string>(),
            text = i == 0 ? "De uitvoeringspartner werkt wijkgericht in alle tien wijken, met een vast team per wijk." : s["text"]!.GetValue<string>(),
        }).Where((_, i) => i != 1).Append(new { themeId = (Guid?)null, heading = "Looptijd", text = "Tien jaar in totaal: een basisperiode met verlengingsopties." }).ToList();
        var v2 = await CreatedAsync(await procurement.PutAsJsonAsync(world.Api, new { introduction = v1["introduction"]!.GetValue<string>(), sections = v2Sections, basedOnVersion = 1 }));
        Assert.Equal(2, v2["number"]!.GetValue<int>());
        Assert.NotEqual(v1["sha256"]!.GetValue<string>(), v2["sha256"]!.GetValue<string>());
        var diff = await procurement.GetJsonAsync($"{world.Api}/versions/2/diff");
        var changes = diff["sections"]!.AsArray().Select(s => s!["change"]!.GetValue<string>()).ToList();
        Assert.Equal(["changed", "removed"], changes.Take(2));
        Assert.Equal("added", changes[^1]);
        Assert.All(changes.Skip(2).SkipLast(1), c => Assert.Equal("unchanged", c));
        var firstText = diff["sections"]![0]!["textDiff"]!.AsArray();
        Assert.Contains(firstText, p => p!["kind"]!.GetValue<string>() == "inserted" && p["text"]!.GetValue<string>().Contains("vast team"));
        Assert.Equal("SpecificationNoPreviousVersionRule", await RuleAsync(await procurement.GetAsync($"{world.Api}/versions/1/diff"), 404));
        Assert.Equal("SpecificationVersionNotFoundRule", await RuleAsync(await procurement.GetAsync($"{world.Api}/versions/9/diff"), 404));

        // A save based on an older version, an unchanged save and invalid sections change nothing.
        Assert.Equal("SpecificationVersionConflictRule", await RuleAsync(await world.SaveWithTextAsync(v1, 0, "Iets anders."), 409));
        Assert.Equal("SpecificationUnchangedRule", await RuleAsync(await world.SaveWithTextAsync(v2, 0, v2["sections"]![0]!["text"]!.GetValue<string>()), 400));
        Assert.Equal("SpecificationSectionHeadingRule", await RuleAsync(await procurement.PutAsJsonAsync(world.Api,
            new { introduction = "Inleiding", sections = new[] { new { heading = " ", text = "x" } }, basedOnVersion = 2 }), 400));
        Assert.Equal("SpecificationUnknownThemeRule", await RuleAsync(await procurement.PutAsJsonAsync(world.Api,
            new { introduction = "Inleiding", sections = new[] { new { themeId = Guid.NewGuid(), heading = "Kop", text = "x" } }, basedOnVersion = 2 }), 400));
        Assert.Equal(2, world.Db(db => db.SpecificationVersions.Count(v => v.TenderId == world.Dialogue.TenderId)));

        // Legal: a request for changes needs a comment, and only the latest version can be reviewed.
        Assert.Equal("SpecificationReviewCommentRule", await RuleAsync(await world.ReviewAsync(2, false, "  "), 400));
        Assert.Equal("SpecificationReviewNotLatestRule", await RuleAsync(await world.ReviewAsync(1, true), 409));
        await NoContentAsync(world.ReviewAsync(2, false, "Neem de wachttijdnorm van 14 dagen op."));
        Assert.Equal("changesRequested", (await procurement.GetJsonAsync(world.Api))["status"]!.GetValue<string>());
        await AssertGuardUnmetAsync(procurement, world.Tender);

        await NoContentAsync(world.ReviewAsync(2, true));
        Assert.Equal("approved", (await procurement.GetJsonAsync(world.Api))["status"]!.GetValue<string>());
        Assert.Equal("SpecificationAlreadyApprovedRule", await RuleAsync(await world.ReviewAsync(2, true), 409));

        // A save after the approval makes it stale: the guard answers no until Legal approves the new latest version.
        var v3 = await CreatedAsync(await world.SaveWithTextAsync(v2, 1, "Aangescherpt na de toets: wachttijd hoogstens 14 dagen."));
        Assert.Equal("draft", v3["status"]!.GetValue<string>());
        Assert.Equal("draft", (await procurement.GetJsonAsync(world.Api))["status"]!.GetValue<string>());
        await AssertGuardUnmetAsync(procurement, world.Tender);

        // The participant meanwhile sees the approved version 2 only.
        var seen = await world.Dialogue.ParticipantClient().GetJsonAsync(world.Api);
        Assert.Equal(2, seen["latest"]!["number"]!.GetValue<int>());
        Assert.Equal([2], seen["versions"]!.AsArray().Select(v => v!["number"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.NotFound, (await world.Dialogue.ParticipantClient().GetAsync($"{world.Api}/versions/3")).StatusCode);

        await NoContentAsync(world.ReviewAsync(3, true, "Akkoord."));
        var opened = await procurement.FireAsync(world.Tender, "openSubmission");
        Assert.True(opened.StatusCode == HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
        Assert.Equal("submission", await world.Dialogue.PhaseAsync());

        // Outside the specification phase nothing is drafted or reviewed any more.
        var latest = await procurement.GetJsonAsync($"{world.Api}/versions/3");
        Assert.Equal("SpecificationDraftingClosedRule", await RuleAsync(await world.SaveWithTextAsync(latest, 0, "Te laat."), 409));
        Assert.Equal("SpecificationReviewClosedRule", await RuleAsync(await world.ReviewAsync(3, false, "Te laat."), 409));

        // Evaluators read the approved final version from the assessment on, not before.
        var evaluator = world.Dialogue.Evaluator();
        Assert.Equal("SpecificationAccessRule", await RuleAsync(await evaluator.GetAsync(world.Api), 403));
        var finalPdf = latest["documentId"]!.GetValue<Guid>();
        var v2Pdf = (await procurement.GetJsonAsync($"{world.Api}/versions/2"))["documentId"]!.GetValue<Guid>();
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.GetAsync($"/api/documents/{finalPdf}")).StatusCode);
        await world.Dialogue.ClockAtAsync("submissionClose", TimeSpan.FromTicks(1));
        // Tokens expire after an hour of (fake) time: sign in again.
        procurement = app.Procurement();
        evaluator = world.Dialogue.Evaluator();
        Assert.Equal(HttpStatusCode.OK, (await procurement.FireAsync(world.Tender, "closeSubmission")).StatusCode);
        Assert.Equal("assessment", await world.Dialogue.PhaseAsync());
        var forEvaluator = await evaluator.GetJsonAsync(world.Api);
        Assert.Equal(3, forEvaluator["latest"]!["number"]!.GetValue<int>());
        Assert.Single(forEvaluator["versions"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.GetAsync($"{world.Api}/versions/2")).StatusCode);
        Assert.Equal("SpecificationAccessRule", await RuleAsync(await evaluator.GetAsync($"{world.Api}/versions/3/diff"), 403));
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync($"/api/documents/{finalPdf}")).StatusCode);
        // Not in the dialogue: a section names its theme without linking to it.
        var evaluatorPage = await evaluator.GetStringAsync($"/tenders/{world.Tender}/opdrachtomschrijving");
        Assert.Contains("Dialoogthema:", evaluatorPage);
        Assert.DoesNotContain($"/tenders/{world.Tender}/dialoog/", evaluatorPage);
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.GetAsync($"/api/documents/{v2Pdf}")).StatusCode);

        var actions = world.Db(db => db.AuditEvents.Where(e => e.TenderId == world.Dialogue.TenderId && e.Action.StartsWith("specification.")).Select(e => e.Action).ToList());
        Assert.Equal(1, actions.Count(a => a == "specification.drafted"));
        Assert.Equal(2, actions.Count(a => a == "specification.saved"));
        Assert.Equal(1, actions.Count(a => a == "specification.changesRequested"));
        Assert.Equal(2, actions.Count(a => a == "specification.approved"));
        Assert.Contains("specification.read", actions);
    }

    [Fact]
    public async Task An_approval_does_not_cover_a_dialogue_outcome_changed_after_its_version_was_written()
    {
        using var app = new TenderFlowFactory();
        var world = await SpecificationWorld.CreateAsync(app);
        var procurement = app.Procurement();
        var v1 = await world.DraftAsync();
        await NoContentAsync(world.ReviewAsync(1, true, "Akkoord."));
        var theme = world.Db(db => db.DialogueThemes.AsNoTracking().Single(t => t.TenderId == world.Dialogue.TenderId && t.Key == "steering-funding"));
        var status = $"/api/tenders/{world.Tender}/dialogue/themes/{theme.Id}/status";

        // The specification phase keeps the themes open: the participant disputed the funding outcome, which is agreed anew.
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await NoContentAsync(procurement.PostAsJsonAsync(status, new { status = "open", reason = "De deelnemer betwist de uitkomst." }));
        await NoContentAsync(procurement.PostAsJsonAsync(status, new { status = "agreed", agreedOutcome = "Bekostiging per wijk in plaats van per cliënt." }));
        await NoContentAsync(procurement.PostAsJsonAsync(status, new { status = "closed" }));

        var problem = await (await procurement.FireAsync(world.Tender, "openSubmission")).ProblemAsync(409);
        var unmet = Assert.Single(problem["unmetGuards"]!.AsArray());
        Assert.Equal("specification.approvedByLegal", unmet!["guard"]!.GetValue<string>());
        var reason = unmet["reason"]!.GetValue<string>();
        Assert.True(reason.Contains(theme.TitleNl, StringComparison.Ordinal) || reason.Contains(theme.TitleEn, StringComparison.Ordinal), reason);

        // Version 2 takes the new outcome over; approved, it opens the submission.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var section = v1["sections"]!.AsArray().Select((x, i) => (x, i)).Single(p => p.x!["themeId"]!.GetValue<Guid>() == theme.Id).i;
        await CreatedAsync(await world.SaveWithTextAsync(v1, section, "Bekostiging per wijk in plaats van per cliënt."));
        await NoContentAsync(world.ReviewAsync(2, true, "Akkoord."));
        var opened = await procurement.FireAsync(world.Tender, "openSubmission");
        Assert.True(opened.StatusCode == HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unchanged_text_is_saved_again_for_a_new_approval_only_after_a_dialogue_outcome_changed()
    {
        using var app = new TenderFlowFactory();
        var world = await SpecificationWorld.CreateAsync(app);
        var procurement = app.Procurement();
        var v1 = await world.DraftAsync();
        var section = v1["sections"]![0]!["text"]!.GetValue<string>();
        Assert.Equal("SpecificationUnchangedRule", await RuleAsync(await world.SaveWithTextAsync(v1, 0, section), 400));

        var theme = v1["sections"]![0]!["themeId"]!.GetValue<Guid>();
        var status = $"/api/tenders/{world.Tender}/dialogue/themes/{theme}/status";
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await NoContentAsync(procurement.PostAsJsonAsync(status, new { status = "open", reason = "Opnieuw bekeken." }));
        await NoContentAsync(procurement.PostAsJsonAsync(status, new { status = "agreed", agreedOutcome = section }));
        await NoContentAsync(procurement.PostAsJsonAsync(status, new { status = "closed" }));

        var v2 = await CreatedAsync(await world.SaveWithTextAsync(v1, 0, section));
        Assert.Equal(2, v2["number"]!.GetValue<int>());
    }

    [Fact]
    public async Task Whoever_wrote_the_latest_version_does_not_review_it_even_holding_both_roles()
    {
        using var app = new TenderFlowFactory();
        var world = await SpecificationWorld.CreateAsync(app);
        var v1 = await world.DraftAsync();
        var both = app.ClientAs("pim.procjur", "Procurement", "Legal");
        var sections = v1["sections"]!.AsArray().Select((s, i) => new
        {
            themeId = s!["themeId"]?.GetValue<Guid?>(), heading = s["heading"]!.GetValue<string>(),
            text = i == 0 ? "Door Pim aangescherpt." : s["text"]!.GetValue<string>(),
        }).ToList();
        await CreatedAsync(await both.PutAsJsonAsync(world.Api, new { introduction = v1["introduction"]!.GetValue<string>(), sections, basedOnVersion = 1 }));

        var refused = await both.PostAsJsonAsync($"{world.Api}/review", new { version = 2, approve = true, comment = "Akkoord." });

        Assert.Equal("SpecificationAuthorReviewsRule", await RuleAsync(refused, 409));
        Assert.DoesNotContain("handler=Review", await both.GetStringAsync($"/tenders/{world.Tender}/opdrachtomschrijving"));
        Assert.Contains("handler=Review", await app.Legal().GetStringAsync($"/tenders/{world.Tender}/opdrachtomschrijving"));
        Assert.Equal("draft", (await app.Procurement().GetJsonAsync(world.Api))["status"]!.GetValue<string>());
        await NoContentAsync(world.ReviewAsync(2, true, "Akkoord."));
    }

    [Fact]
    public async Task Staff_reads_of_a_version_are_audited_with_the_role_that_allowed_them()
    {
        using var app = new TenderFlowFactory();
        var world = await SpecificationWorld.CreateAsync(app);
        await world.DraftAsync();
        var before = world.Db(db => db.AuditEvents.Max(e => e.Sequence));

        await app.Procurement().GetJsonAsync($"{world.Api}/versions/1");
        await app.Legal().GetJsonAsync(world.Api);

        var reads = world.Db(db => db.AuditEvents.Where(e => e.TenderId == world.Dialogue.TenderId && e.Action == "specification.read" && e.Sequence > before).Select(e => e.ActorRole).ToList());
        Assert.Equal(["Legal", "Procurement"], reads.Order(StringComparer.Ordinal));

        // A diff carries both versions' text: two reads.
        await CreatedAsync(await world.SaveWithTextAsync(await app.Procurement().GetJsonAsync($"{world.Api}/versions/1"), 0, "Aangescherpt."));
        before = world.Db(db => db.AuditEvents.Max(e => e.Sequence));
        await app.Legal().GetJsonAsync($"{world.Api}/versions/2/diff");
        var diffReads = world.Db(db => db.AuditEvents.Where(e => e.TenderId == world.Dialogue.TenderId && e.Action == "specification.read" && e.Sequence > before).Select(e => e.Subject).ToList());
        Assert.Equal([$"specification/{world.Dialogue.TenderId}/v1", $"specification/{world.Dialogue.TenderId}/v2"], diffReads.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Admin_is_not_in_the_dialogue_and_reads_no_draft_diff_or_pdf_of_the_specification()
    {
        using var app = new TenderFlowFactory();
        var world = await SpecificationWorld.CreateAsync(app);
        var v1 = await world.DraftAsync();
        await NoContentAsync(world.ReviewAsync(1, true, "Akkoord."));
        await CreatedAsync(await world.SaveWithTextAsync(v1, 0, "Aangescherpt."));
        var pdf = (await app.Legal().GetJsonAsync($"{world.Api}/versions/1"))["documentId"]!.GetValue<Guid>();
        var admin = app.ClientAs("adam.beheer", "Admin");
        var before = world.Db(db => db.AuditEvents.Max(e => e.Sequence));

        foreach (var url in new[] { world.Api, $"{world.Api}/versions/1", $"{world.Api}/versions/2", $"{world.Api}/versions/2/diff" })
        {
            var response = await admin.GetAsync(url);
            Assert.Equal("SpecificationAccessRule", await RuleAsync(response, 403));
        }
        var page = await admin.GetAsync($"/tenders/{world.Tender}/opdrachtomschrijving");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain("Afgesproken uitkomst", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/documents/{pdf}")).StatusCode);
        Assert.DoesNotContain("link-specification", await admin.GetStringAsync($"/tenders/{world.Tender}"));
        Assert.Equal(0, world.Db(db => db.AuditEvents.Count(e => e.Sequence > before && e.Action == "specification.read")));
    }

    [Fact]
    public async Task An_introduction_is_measured_as_stored_so_browser_line_breaks_do_not_count_twice()
    {
        using var app = new TenderFlowFactory();
        var world = await SpecificationWorld.CreateAsync(app);
        var v1 = await world.DraftAsync();
        var introduction = string.Concat(Enumerable.Repeat(new string('a', 998) + "\r\n", 20));   // 20,000 as sent, 19,980 as stored
        var sections = v1["sections"]!.AsArray().Select(s => new { themeId = s!["themeId"]?.GetValue<Guid?>(), heading = s["heading"]!.GetValue<string>(), text = s["text"]!.GetValue<string>() });

        var saved = await app.Procurement().PutAsJsonAsync(world.Api, new { introduction = introduction + "b", sections, basedOnVersion = 1 });

        Assert.Equal(2, (await CreatedAsync(saved))["number"]!.GetValue<int>());
    }

    private static async Task AssertGuardUnmetAsync(HttpClient procurement, string tender)
    {
        var problem = await (await procurement.FireAsync(tender, "openSubmission")).ProblemAsync(409);
        var unmet = problem["unmetGuards"]!.AsArray().Select(g => g!["guard"]!.GetValue<string>()).ToList();
        Assert.Equal(["specification.approvedByLegal"], unmet);
    }
}
