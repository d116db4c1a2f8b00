using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Applications;

public sealed class ConsortiumTests : ApplicationTestBase
{
    private async Task<string> ProblemRuleAsync(Task<HttpResponseMessage> call, int status) =>
        (await (await call).ProblemAsync(status))["rule"]!.GetValue<string>();

    [Fact]
    public async Task A_lead_cannot_apply_twice_for_the_same_tender()
    {
        var lead = S.Zorgplus1();
        await S.CreateAsync(lead);
        Assert.Equal("DuplicateApplicationRule", await ProblemRuleAsync(lead.PostAsJsonAsync(S.Applications, new { }), 409));
        Assert.Equal(1, S.Db(db => db.Applications.Count()));
    }

    [Fact]
    public async Task An_organisation_that_is_a_member_elsewhere_can_neither_apply_nor_join_a_second_application()
    {
        var application = await S.CreateAsync(S.Zorgplus1(), "Utrechtse Combinatie");
        await SelectionScenario.Ok(S.Zorgplus1().PostAsJsonAsync($"{S.Applications}/{application}/members", new { kvkNumber = "8765 4321", role = "MainContractor" }));

        Assert.Equal("DuplicateApplicationRule", await ProblemRuleAsync(S.Buurtzorg1().PostAsJsonAsync(S.Applications, new { }), 409));

        var other = await S.CreateAsync(S.Lister1());
        Assert.Equal("DuplicateApplicationRule", await ProblemRuleAsync(
            S.Lister1().PostAsJsonAsync($"{S.Applications}/{other}/members", new { kvkNumber = "87654321", role = "Subcontractor" }), 409));
        Assert.Equal("DuplicateApplicationRule", await ProblemRuleAsync(
            S.Lister1().PostAsJsonAsync($"{S.Applications}/{other}/members", new { kvkNumber = "12345678", role = "Subcontractor" }), 409));
        Assert.Equal(3, S.Db(db => db.ApplicationMembers.Count()));
    }

    [Fact]
    public async Task An_organisation_added_without_being_asked_is_told_and_may_leave_and_apply_itself()
    {
        var buurtzorg = S.Buurtzorg1();
        var application = await S.CreateAsync(S.Zorgplus1(), "Utrechtse Combinatie");
        await SelectionScenario.Ok(S.Zorgplus1().PostAsJsonAsync($"{S.Applications}/{application}/members", new { kvkNumber = "87654321", role = "Subcontractor" }));
        await SelectionScenario.Ok(S.Zorgplus1().PostAsJsonAsync($"{S.Applications}/{application}/references", SelectionScenario.Reference(S.Requirements[0], S.Buurtzorg)));
        await SelectionScenario.Ok(S.Zorgplus1().PostAsJsonAsync($"{S.Applications}/{application}/members", new { kvkNumber = "30214567", role = "Subcontractor" }));
        await SelectionScenario.Ok(S.UploadAsync(buurtzorg, application, TestFiles.Pdf("GVA Buurtzorg"), "gva-buurtzorg.pdf", "gva", S.Buurtzorg, "2026-09-01"));
        Assert.Contains(await buurtzorg.GetArrayAsync("/api/notifications"), n => n!["kind"]!.GetValue<string>() == "application.member.added");

        // One member cannot put another out; only itself.
        Assert.Equal("LeadOnlyRule", await ProblemRuleAsync(S.Lister1().DeleteAsync($"{S.Applications}/{application}/members/{S.Buurtzorg}"), 403));
        await SelectionScenario.Ok(S.Buurtzorg1().DeleteAsync($"{S.Applications}/{application}/members/{S.Buurtzorg}"));

        Assert.Equal(0, S.Db(db => db.ApplicationMembers.Count(m => m.OrganisationId == S.Buurtzorg)));
        Assert.Equal(0, S.Db(db => db.ApplicationReferences.Count(r => r.OrganisationId == S.Buurtzorg)));
        Assert.Equal(0, S.Db(db => db.Documents.Count(d => d.Owner.EndsWith($"/member/{S.Buurtzorg}") && d.SupersededAtUtc == null)));
        Assert.Equal(1, S.Db(db => db.AuditEvents.Count(e => e.Action == "application.member.left")));
        Assert.NotEqual(application, await S.CreateAsync(S.Buurtzorg1()));
    }

    [Fact]
    public async Task After_withdrawal_the_organisation_may_apply_again()
    {
        var lead = S.Zorgplus1();
        var first = await S.CreateAsync(lead);
        await SelectionScenario.Ok(lead.PostAsync($"{S.Applications}/{first}/withdraw", null));
        Assert.Equal("ApplicationWithdrawnRule", await ProblemRuleAsync(lead.PostAsync($"{S.Applications}/{first}/submit", null), 409));
        var second = await S.CreateAsync(lead);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Members_are_chosen_by_KvK_number_from_registered_organisations_with_a_role()
    {
        var lead = S.Zorgplus1();
        var application = await S.CreateAsync(lead, "Utrechtse Combinatie");
        Assert.Equal("UnknownOrganisationRule", await ProblemRuleAsync(lead.PostAsJsonAsync($"{S.Applications}/{application}/members", new { kvkNumber = "99999999", role = "Subcontractor" }), 400));
        Assert.Equal("UnknownOrganisationRule", await ProblemRuleAsync(lead.PostAsJsonAsync($"{S.Applications}/{application}/members", new { kvkNumber = "abc", role = "Subcontractor" }), 400));
        Assert.Equal("AlreadyMemberRule", await ProblemRuleAsync(lead.PostAsJsonAsync($"{S.Applications}/{application}/members", new { kvkNumber = "12345678", role = "Subcontractor" }), 409));
        await SelectionScenario.Ok(lead.PostAsJsonAsync($"{S.Applications}/{application}/members", new { kvkNumber = "87654321", role = "MainContractor" }));
        await SelectionScenario.Ok(lead.PostAsJsonAsync($"{S.Applications}/{application}/members", new { kvkNumber = "30214567", role = "Subcontractor" }));

        var view = await S.Buurtzorg1().GetJsonAsync($"{S.Applications}/{application}");
        var members = view["members"]!.AsArray().Select(m => (m!["name"]!.GetValue<string>(), m["role"]!.GetValue<string>(), m["isLead"]!.GetValue<bool>())).ToList();
        Assert.Equal([("Zorgplus Utrecht", "CombinationPartner", true), ("Buurtzorg Oost", "MainContractor", false), ("Stichting Lister", "Subcontractor", false)], members);
        var mine = await S.Lister1().GetArrayAsync($"{S.Applications}/mine");
        Assert.Equal(application, Assert.Single(mine)!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_member_uploads_only_its_own_integrity_evidence_and_changes_nothing_else()
    {
        var lead = S.Zorgplus1();
        var application = await S.CreateAsync(lead, "Utrechtse Combinatie");
        await SelectionScenario.Ok(lead.PostAsJsonAsync($"{S.Applications}/{application}/members", new { kvkNumber = "87654321", role = "MainContractor" }));
        await SelectionScenario.Ok(lead.PostAsJsonAsync($"{S.Applications}/{application}/members", new { kvkNumber = "30214567", role = "Subcontractor" }));
        var member = S.Buurtzorg1();

        await SelectionScenario.Ok(S.UploadAsync(member, application, TestFiles.Pdf("GVA Buurtzorg"), "gva.pdf", "gva", S.Buurtzorg, "2026-10-01"));
        await SelectionScenario.Ok(S.UploadAsync(member, application, TestFiles.Docx("Bibob"), "bibob.docx", "bibob"));
        Assert.Equal("OwnIntegrityEvidenceRule", await ProblemRuleAsync(S.UploadAsync(member, application, TestFiles.Pdf(), "gva.pdf", "gva", S.Lister, "2026-10-01"), 403));
        Assert.Equal("LeadOnlyRule", await ProblemRuleAsync(S.UploadAsync(member, application, TestFiles.Pdf(), "visie.pdf", "vision"), 403));
        Assert.Equal("LeadOnlyRule", await ProblemRuleAsync(member.PostAsJsonAsync($"{S.Applications}/{application}/references", SelectionScenario.Reference(S.Requirements[0])), 403));
        Assert.Equal("LeadOnlyRule", await ProblemRuleAsync(member.PostAsync($"{S.Applications}/{application}/submit", null), 403));
        // The lead may provide every member's evidence.
        await SelectionScenario.Ok(S.UploadAsync(lead, application, TestFiles.Pdf("GVA Lister"), "gva-lister.pdf", "gva", S.Lister, "2026-10-01"));
        Assert.Equal(3, S.Db(db => db.Documents.Count()));
        // An outsider does not even learn that the application exists.
        Assert.Equal("ApplicationNotFoundRule", await ProblemRuleAsync(S.UploadAsync(S.Outsider1(), application, TestFiles.Pdf(), "gva.pdf", "gva"), 404));
    }

    [Fact]
    public async Task Submitting_needs_every_part_and_makes_every_member_a_participant()
    {
        var lead = S.Zorgplus1();
        var incomplete = await S.CreateAsync(lead, "Utrechtse Combinatie");
        var problem = await (await lead.PostAsync($"{S.Applications}/{incomplete}/submit", null)).ProblemAsync(409);
        Assert.Equal("IncompleteApplicationRule", problem["rule"]!.GetValue<string>());
        Assert.Contains("the vision", problem["detail"]!.GetValue<string>());
        Assert.Contains("G2", problem["detail"]!.GetValue<string>());
        await SelectionScenario.Ok(lead.PostAsync($"{S.Applications}/{incomplete}/withdraw", null));

        var application = await S.CompleteAsync(lead, S.Zorgplus, "Utrechtse Combinatie",
            ("87654321", "MainContractor", S.Buurtzorg), ("30214567", "Subcontractor", S.Lister));
        Assert.Empty(S.Db(db => db.TenderParticipants.Where(p => p.TenderId == S.TenderId).ToList()));
        var receipt = await S.SubmitAsync(lead, application);
        Assert.Equal(7, receipt["documents"]!.AsArray().Count);
        Assert.All(receipt["documents"]!.AsArray(), d => Assert.Equal(64, d!["sha256"]!.GetValue<string>().Length));

        var participants = S.Db(db => db.TenderParticipants.Where(p => p.TenderId == S.TenderId).Select(p => p.OrganisationId).ToList());
        Assert.Equal(new[] { S.Zorgplus, S.Buurtzorg, S.Lister }.Order(), participants.Order());
        var events = S.Db(db => db.AuditEvents.Where(e => e.TenderId == S.TenderId).Select(e => e.Action).ToList());
        Assert.Contains("application.submitted", events);
        Assert.Equal(3, events.Count(e => e == "tender.participant.added"));
        Assert.Equal("AlreadySubmittedRule", await ProblemRuleAsync(lead.PostAsync($"{S.Applications}/{application}/submit", null), 409));
        Assert.Equal("MembersLockedRule", await ProblemRuleAsync(lead.PostAsJsonAsync($"{S.Applications}/{application}/members", new { kvkNumber = "41178899", role = "Subcontractor" }), 409));
    }

    [Fact]
    public async Task Audit_events_of_a_sealed_application_carry_no_content()
    {
        var lead = S.Zorgplus1();
        var application = await S.CompleteAsync(lead, S.Zorgplus);
        await S.SubmitAsync(lead, application);
        var payloads = S.Db(db => db.AuditEvents.Where(e => e.TenderId == S.TenderId && e.Action.StartsWith("application") || e.Action == "document.uploaded")
            .Select(e => e.PayloadJson).ToList());
        Assert.NotEmpty(payloads);
        Assert.All(payloads, p =>
        {
            Assert.DoesNotContain("visie.pdf", p);
            Assert.DoesNotContain("Amersfoort", p);
            Assert.DoesNotContain("Wij voldoen", p);
        });
    }

    [Fact]
    public async Task Bad_reference_and_answer_input_is_refused_with_the_field_named()
    {
        var lead = S.Zorgplus1();
        var application = await S.CreateAsync(lead);
        var bad = await (await lead.PostAsJsonAsync($"{S.Applications}/{application}/references", new
        {
            requirementId = S.Requirements[0], client = "Gemeente Zeist", periodFrom = "2024-01-01", periodTo = "2023-01-01",
            careForms = "Dagbegeleiding", scale = "40 cliënten", description = "x",
        })).ProblemAsync(400);
        Assert.Equal("InvalidApplicationInputRule", bad["rule"]!.GetValue<string>());
        Assert.NotNull(bad["errors"]!["periodTo"]);
        Assert.Equal("UnknownRequirementRule", await ProblemRuleAsync(lead.PostAsJsonAsync($"{S.Applications}/{application}/references", SelectionScenario.Reference(Guid.NewGuid())), 400));
        Assert.Equal("UnknownConditionRule", await ProblemRuleAsync(lead.PutAsJsonAsync($"{S.Applications}/{application}/answers",
            new { answers = new[] { new { condition = "weather", complies = true, explanation = "ja" } } }), 400));
        Assert.Equal("InvalidApplicationInputRule", await ProblemRuleAsync(lead.PutAsJsonAsync($"{S.Applications}/{application}/answers",
            new { answers = new[] { new { condition = "privacy", complies = true, explanation = " " } } }), 400));
        // What the selection is decided on must read as it is stored: invisible-only text is blank, direction overrides are refused.
        Assert.Equal("InvalidApplicationInputRule", await ProblemRuleAsync(lead.PutAsJsonAsync($"{S.Applications}/{application}/answers",
            new { answers = new[] { new { condition = "privacy", complies = true, explanation = "\u200b" } } }), 400));
        Assert.Equal("UnreadableTextRule", await ProblemRuleAsync(lead.PutAsJsonAsync($"{S.Applications}/{application}/answers",
            new { answers = new[] { new { condition = "privacy", complies = true, explanation = "Wij voldoen \u202Eniet\u202C." } } }), 400));
        var invisibleClient = new Dictionary<string, object?>
        {
            ["requirementId"] = S.Requirements[0], ["client"] = "\u2060", ["periodFrom"] = "2021-01-01", ["periodTo"] = "2024-12-31",
            ["careForms"] = "Dagbegeleiding", ["scale"] = "40 cliënten", ["description"] = "Begeleiding in Zeist.",
        };
        var refusedClient = await (await lead.PostAsJsonAsync($"{S.Applications}/{application}/references", invisibleClient)).ProblemAsync(400);
        Assert.NotNull(refusedClient["errors"]!["client"]);
        invisibleClient["client"] = "Gemeente Zeist";
        invisibleClient["description"] = "Begeleiding\u0000in Zeist.";
        Assert.Equal("UnreadableTextRule", await ProblemRuleAsync(lead.PostAsJsonAsync($"{S.Applications}/{application}/references", invisibleClient), 400));
        Assert.Equal(0, S.Db(db => db.ApplicationReferences.Count() + db.ApplicationAnswers.Count()));
    }
}
