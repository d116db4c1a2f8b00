using System.Net;
using System.Net.Http.Json;
using TenderFlow.Domain.Time;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Award;

/// <summary>The award decision, its standstill, an objection against it, the final award and the contract, in one tender's life.</summary>
public sealed class AwardDecisionTests : IDisposable
{
    private readonly TenderFlowFactory _app = AssessedQualityStandIn.Factory();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_tender_page_sends_the_award_decision_with_the_reasons_typed_there()
    {
        var world = await DialogueWorld.CreateAsync(_app);
        await world.EnterAssessmentAsync();
        var page = $"/tenders/{world.Tender}";
        Assert.Contains("name=\"reason\"", await (await world.Procurement().GetAsync(page)).Content.ReadAsStringAsync());

        var (response, html) = await Portal.PortalForms.PostAsync(world.Procurement(), $"{page}?handler=Fire",
            new Dictionary<string, string> { ["trigger"] = "announceAward", ["reason"] = "Kwaliteit voldoende op alle criteria.\r\nBudget binnen de raming." });

        Assert.True(response.IsSuccessStatusCode, html);
        Assert.Equal("awardStandstill", await world.PhaseAsync());
        var decision = (await world.ParticipantClient().GetJsonAsync($"/api/tenders/{world.Tender}/award"))["decisions"]!.AsArray().Single()!;
        Assert.Equal("Kwaliteit voldoende op alle criteria.\nBudget binnen de raming.", decision["reasons"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reasons_typed_up_to_the_limit_with_browser_line_breaks_are_accepted()
    {
        var world = await DialogueWorld.CreateAsync(_app);
        await world.EnterAssessmentAsync();
        var line = new string('x', 99);
        var reasons = string.Join("\r\n", Enumerable.Repeat(line, 40));

        var announced = await world.Procurement().AnnounceAwardAsync(world, reasons);

        Assert.True(announced.IsSuccessStatusCode, await announced.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Award_decision_standstill_objection_revision_final_award_notice_and_contract()
    {
        var world = await DialogueWorld.CreateAsync(_app);
        await world.EnterAssessmentAsync();
        var reference = (await world.Procurement().GetJsonAsync($"/api/tenders/{world.Tender}"))["reference"]!.GetValue<string>();

        // Wrong side first: no reasons, not Procurement.
        Assert.Equal("AwardReasonsRequiredRule", await (await world.Procurement().AnnounceAwardAsync(world, " ")).RuleAsync(400));
        Assert.Equal(HttpStatusCode.Forbidden, (await world.ParticipantClient().AnnounceAwardAsync(world)).StatusCode);
        Assert.Equal("assessment", await world.PhaseAsync());

        var announced = await world.Procurement().AnnounceAwardAsync(world);
        Assert.True(announced.IsSuccessStatusCode, await announced.Content.ReadAsStringAsync());
        Assert.Equal("awardStandstill", await world.PhaseAsync());
        var end = await world.DeadlineAsync("awardStandstillEnd");

        // The participant sees the decision with the planned standstill end and can read its letter; the rejected candidate sees nothing.
        var award = await world.ParticipantClient().GetJsonAsync($"/api/tenders/{world.Tender}/award");
        var decision = award["decisions"]!.AsArray().Single()!;
        Assert.Equal(AwardTestSteps.Reasons, decision["reasons"]!.GetValue<string>());
        Assert.Equal(end.UtcDateTime, DateTime.SpecifyKind(award["standstillEndUtc"]!.GetValue<DateTime>(), DateTimeKind.Utc));
        var letter = decision["letterDocumentId"]!.GetValue<string>();
        var read = await world.ParticipantClient().GetAsync($"/api/documents/{letter}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("application/pdf", read.Content.Headers.ContentType?.MediaType);
        var rejectedAward = await world.RejectedClient().GetJsonAsync($"/api/tenders/{world.Tender}/award");
        Assert.Empty(rejectedAward["decisions"]!.AsArray());
        var rejectedRead = await world.RejectedClient().GetAsync($"/api/documents/{letter}");
        Assert.True(rejectedRead.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, rejectedRead.StatusCode.ToString());
        Assert.Equal("ObjectionNotEntitledRule", await (await world.RejectedClient().ObjectAsync(world, "award")).RuleAsync(403));
        Assert.Equal(HttpStatusCode.NotFound, (await world.Partner("pim.partner").ObjectAsync(world, "award")).StatusCode);

        // The portal page shows the participant the decision and the countdown to the end date; the rejected candidate neither.
        var page = WebUtility.HtmlDecode(await (await world.ParticipantClient().GetAsync($"/tenders/{world.Tender}/gunning")).Content.ReadAsStringAsync());
        Assert.Contains(AwardTestSteps.Reasons, page);
        Assert.Contains(AmsterdamTime.Format(end.UtcDateTime), page);
        Assert.Contains("nog 20 dagen", page);
        Assert.Contains("id=\"object-award\"", page);
        var rejectedPage = WebUtility.HtmlDecode(await (await world.RejectedClient().GetAsync($"/tenders/{world.Tender}/gunning")).Content.ReadAsStringAsync());
        Assert.DoesNotContain(AwardTestSteps.Reasons, rejectedPage);
        Assert.DoesNotContain("id=\"object-award\"", rejectedPage);

        // No award notice before the final award; finalAward waits for the standstill end.
        Assert.Equal(HttpStatusCode.OK, (await world.Procurement().PostAsync($"/api/tenders/{world.Tender}/announce", null)).StatusCode);
        var before = await _app.CreateClient().GetAsync($"/openbaar/{reference}");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.DoesNotContain("award-notice", await before.Content.ReadAsStringAsync());
        await (await world.Procurement().FireAsync(world.Tender, "finalAward")).AssertGuardAsync("deadline.passed(awardStandstillEnd)");

        // The participant objects; past the end the objection still suspends the final award, and new ones are refused.
        var objection = await (await world.ParticipantClient().ObjectAsync(world, "award")).FiledAsync();
        _app.Clock.SetUtcNow(end + TimeSpan.FromTicks(1));
        Assert.Equal("ObjectionPeriodClosedRule", await (await world.ParticipantClient().ObjectAsync(world, "selection")).RuleAsync(409));
        await (await world.Procurement().FireAsync(world.Tender, "finalAward")).AssertGuardAsync("objections.noneOpen");
        Assert.Equal(HttpStatusCode.NoContent, (await world.Legal().AdviseAsync(world, objection, uphold: true, "De motivering op criterium 2 ontbreekt.")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await world.Procurement().ResolveAsync(world, objection, upheld: true, "Gegrond; de motivering wordt aangevuld.")).StatusCode);
        await (await world.Procurement().FireAsync(world.Tender, "finalAward")).AssertGuardAsync("objections.noneOpen");

        // Upheld: Procurement revises the decision (reason required) and announces the corrected one: a new standstill.
        Assert.Equal(HttpStatusCode.OK, (await world.Procurement().FireAsync(world.Tender, "reviseAward", "Bezwaar gegrond: motivering aanvullen")).StatusCode);
        Assert.Equal("assessment", await world.PhaseAsync());
        // The participant hears that the decision it holds was withdrawn, and why; a rejected candidate is not told of it.
        var told = (await world.ParticipantClient().GetArrayAsync("/api/notifications")).Select(n => n!.ToJsonString()).ToList();
        Assert.Contains(told, n => n.Contains("award.decision.revised", StringComparison.Ordinal) && n.Contains("Bezwaar gegrond: motivering aanvullen", StringComparison.Ordinal));
        Assert.DoesNotContain((await world.RejectedClient().GetArrayAsync("/api/notifications")).Select(n => n!.ToJsonString()), n => n.Contains("award.decision.revised", StringComparison.Ordinal));
        _app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(HttpStatusCode.OK, (await world.Procurement().AnnounceAwardAsync(world, AwardTestSteps.Reasons + " Aangevuld na bezwaar.")).StatusCode);
        var newEnd = await world.DeadlineAsync("awardStandstillEnd");
        Assert.True(newEnd > end, $"{newEnd} after {end}");
        var decisions = (await world.Legal().GetJsonAsync($"/api/tenders/{world.Tender}/award"))["decisions"]!.AsArray();
        Assert.Equal(2, decisions.Count);
        Assert.NotNull(decisions[1]!["revisedAtUtc"]!.GetValue<DateTime?>());

        _app.Clock.SetUtcNow(newEnd - TimeSpan.FromSeconds(1));
        // On the last day objections are still open until 24:00: not "0 days left".
        var lastDay = WebUtility.HtmlDecode(await (await world.ParticipantClient().GetAsync($"/tenders/{world.Tender}/gunning")).Content.ReadAsStringAsync());
        Assert.Contains("vandaag is de laatste dag", lastDay);
        Assert.DoesNotContain("nog 0 dagen", lastDay);
        await (await world.Procurement().FireAsync(world.Tender, "finalAward")).AssertGuardAsync("deadline.passed(awardStandstillEnd)");
        _app.Clock.SetUtcNow(newEnd + TimeSpan.FromTicks(1));
        Assert.Equal(HttpStatusCode.OK, (await world.Procurement().FireAsync(world.Tender, "finalAward")).StatusCode);
        Assert.Equal("implementation", await world.PhaseAsync());
        var notice = await (await _app.CreateClient().GetAsync($"/openbaar/{reference}")).Content.ReadAsStringAsync();
        Assert.Contains("award-notice", notice);
        Assert.Contains(world.Participant.Name, WebUtility.HtmlDecode(notice));

        // The contract: start on or after the final award, base + options within the maximum.
        var contract = $"/api/tenders/{world.Tender}/contract";
        Assert.Equal("ContractStartBeforeAwardRule", await (await world.Procurement().PutAsJsonAsync(contract, Contract("2027-01-01", 3, [2, 2, 2], 10))).RuleAsync(400));
        Assert.Equal("ContractMaximumTermRule", await (await world.Procurement().PutAsJsonAsync(contract, Contract("2028-01-01", 3, [2, 2, 2, 2], 10))).RuleAsync(400));
        Assert.Equal("ContractStartDateRule", await (await world.Procurement().PutAsJsonAsync(contract, Contract("1-1-2028", 3, [2], null))).RuleAsync(400));
        Assert.Equal("ContractStartDateRule", await (await world.Procurement().PutAsJsonAsync(contract, Contract("9999-12-31", 3, [2], null))).RuleAsync(400));
        Assert.Equal(HttpStatusCode.Forbidden, (await world.ParticipantClient().PutAsJsonAsync(contract, Contract("2028-01-01", 3, [2, 2, 2], 10))).StatusCode);
        await (await world.Procurement().FireAsync(world.Tender, "startContract")).AssertGuardAsync("contract.recorded");
        Assert.Equal(HttpStatusCode.NoContent, (await world.Procurement().PutAsJsonAsync(contract, Contract("2028-01-01", 3, [2, 2, 2], 10))).StatusCode);
        var recorded = await world.ParticipantClient().GetJsonAsync(contract);
        Assert.Equal(9, recorded["totalTermYears"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, (await world.RejectedClient().GetAsync(contract)).StatusCode);
        var start = await world.DeadlineAsync("contractStart");
        Assert.Equal("2028-01-01 00:00", AmsterdamTime.Format(start.UtcDateTime));
        // Once recorded, the contract's start date governs; the deadline is not moved on its own.
        Assert.Equal("ContractStartFollowsContractRule", await (await world.Procurement().PutAsJsonAsync($"/api/tenders/{world.Tender}/deadlines/contractStart",
            new { dueAt = "2028-03-01T00:00", reason = "Later starten" })).RuleAsync(409));
        Assert.Equal(start, await world.DeadlineAsync("contractStart"));
        await (await world.Procurement().FireAsync(world.Tender, "startContract")).AssertGuardAsync("deadline.passed(contractStart)");

        // Extension decisions: in order, within the options, each with a reason; then the contract is fixed.
        var extensions = $"{contract}/extensions";
        // Not before the contract starts: a decision fixes the record, and the start date may still need correcting.
        Assert.Equal("ExtensionClosedRule", await (await world.Procurement().PostAsJsonAsync(extensions, new { option = 1, exercised = true, reason = "r" })).RuleAsync(409));
        Assert.DoesNotContain("extension-heading", await (await world.Procurement().GetAsync($"/tenders/{world.Tender}/contract")).Content.ReadAsStringAsync());
        Assert.Empty((await world.Legal().GetJsonAsync(contract))["extensions"]!.AsArray());
        _app.Clock.SetUtcNow(start + TimeSpan.FromTicks(1));
        Assert.Equal(HttpStatusCode.OK, (await world.Procurement().FireAsync(world.Tender, "startContract")).StatusCode);
        Assert.Equal("awarded", await world.PhaseAsync());
        Assert.Equal("ExtensionOptionRule", await (await world.Procurement().PostAsJsonAsync(extensions, new { option = 4, exercised = true, reason = "r" })).RuleAsync(409));
        Assert.Equal("ExtensionOrderRule", await (await world.Procurement().PostAsJsonAsync(extensions, new { option = 2, exercised = true, reason = "r" })).RuleAsync(409));
        Assert.Equal("ObjectionReasoningRequiredRule", await (await world.Procurement().PostAsJsonAsync(extensions, new { option = 1, exercised = true, reason = "" })).RuleAsync(400));
        Assert.Equal("ObjectionReasoningRequiredRule", await (await world.Procurement().PostAsJsonAsync(extensions, new { option = 1, exercised = true, reason = "\u200b" })).RuleAsync(400));
        Assert.Equal("UnreadableTextRule", await (await world.Procurement().PostAsJsonAsync(extensions, new { option = 1, exercised = true, reason = "Prestaties \u202Eraeh\u202C" })).RuleAsync(400));
        Assert.Equal(HttpStatusCode.NoContent, (await world.Procurement().PostAsJsonAsync(extensions, new { option = 1, exercised = true, reason = "Prestaties op wachttijden naar doel" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await world.Procurement().PostAsJsonAsync(extensions, new { option = 2, exercised = false, reason = "Nieuwe aanbesteding" })).StatusCode);
        Assert.Equal("ExtensionOrderRule", await (await world.Procurement().PostAsJsonAsync(extensions, new { option = 3, exercised = true, reason = "r" })).RuleAsync(409));
        Assert.Equal("ContractRecordClosedRule", await (await world.Procurement().PutAsJsonAsync(contract, Contract("2028-02-01", 3, [2, 2, 2], 10))).RuleAsync(409));
        Assert.Equal("2032-12-31", (await world.Legal().GetJsonAsync(contract))["endDate"]!.GetValue<string>());

        var audit = await (await world.Legal().GetAsync($"/api/tenders/{world.Tender}/audit")).Content.ReadAsStringAsync();
        foreach (var action in new[] { "award.decision.announced", "award.objection.filed", "award.objection.advised", "award.objection.resolved", "award.decision.revised", "award.final", "contract.recorded", "contract.extension.decided" })
        {
            Assert.Contains(action, audit);
        }
    }

    [Fact]
    public async Task A_contract_recorded_to_start_on_the_day_of_the_final_award_starts_and_the_participant_hears_of_its_start()
    {
        var world = await DialogueWorld.CreateAsync(_app);
        await world.EnterAssessmentAsync();
        Assert.True((await world.Procurement().AnnounceAwardAsync(world)).IsSuccessStatusCode);
        _app.Clock.SetUtcNow(await world.DeadlineAsync("awardStandstillEnd") + TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await world.Procurement().FireAsync(world.Tender, "finalAward")).StatusCode);
        var today = DateOnly.FromDateTime(AmsterdamTime.ToLocal(_app.Clock.GetUtcNow().UtcDateTime)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var participant = world.ParticipantClient();
        var before = (await participant.GetArrayAsync("/api/notifications")).Count(n => n!["kind"]!.GetValue<string>() == "deadline.changed");

        Assert.Equal(HttpStatusCode.NoContent, (await world.Procurement().PutAsJsonAsync($"/api/tenders/{world.Tender}/contract", Contract(today, 3, [2], null))).StatusCode);
        await _app.RunDueDeadlineJobsAsync();

        // Its midnight had passed when the phase began: set there, the deadline would never have fired in this phase.
        Assert.Equal("awarded", await world.PhaseAsync());
        Assert.Equal(before + 1, (await participant.GetArrayAsync("/api/notifications")).Count(n => n!["kind"]!.GetValue<string>() == "deadline.changed"));
    }

    private static object Contract(string startDate, int baseTermYears, int[] options, int? maximumTermYears) =>
        new { startDate, baseTermYears, extensionOptions = options.Select(years => new { years }), maximumTermYears };
}
