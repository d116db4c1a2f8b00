using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Web.Tests.Deadlines;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Award;

/// <summary>An objection or kort geding that reached the authority outside the portal, recorded by Legal or Procurement on the objector's behalf.</summary>
public sealed class RecordedObjectionTests : IDisposable
{
    private const string Summons = "Dagvaarding kort geding betekend op 2027-06-12, ontvangen per deurwaarder";
    private const string Grounds = "Eiseres vordert een verbod op definitieve gunning: de beoordeling op criterium K2 is onvoldoende gemotiveerd.";

    private readonly TenderFlowFactory _app = AssessedQualityStandIn.Factory();

    public void Dispose() => _app.Dispose();

    private static string Url(DialogueWorld world) => $"/api/tenders/{world.Tender}/objections/recorded";

    private static object Body(Guid organisation, string? receivedVia = Summons, string decision = "award") =>
        new { decision, organisationId = organisation, grounds = Grounds, receivedVia };

    [Fact]
    public async Task A_kort_geding_Legal_records_for_the_participant_suspends_the_final_award_when_the_standstill_ends()
    {
        var world = await DialogueWorld.CreateAsync(_app);
        await world.EnterAssessmentAsync();
        Assert.True((await world.Procurement().AnnounceAwardAsync(world)).IsSuccessStatusCode);
        var end = await world.DeadlineAsync("awardStandstillEnd");
        _app.Clock.Advance(TimeSpan.FromDays(18));
        var participant = world.Participant.Organisations[0];

        // Only Legal and Procurement record on someone's behalf; only for an organisation entitled to object; how it came in is required.
        var byBidder = await world.ParticipantClient().PostAsJsonAsync(Url(world), Body(participant));
        Assert.Equal(HttpStatusCode.Forbidden, byBidder.StatusCode);
        var byEvaluator = await world.Evaluator().PostAsJsonAsync(Url(world), Body(participant));
        Assert.Equal(HttpStatusCode.Forbidden, byEvaluator.StatusCode);
        Assert.Equal("ObjectionNotEntitledRule", await (await world.Legal().PostAsJsonAsync(Url(world), Body(world.Rejected.Organisations[0]))).RuleAsync(403));
        var noWay = await (await world.Legal().PostAsJsonAsync(Url(world), Body(participant, receivedVia: " "))).ProblemAsync(400);
        Assert.Equal("ObjectionReceivedViaRequiredRule", noWay["rule"]!.GetValue<string>());
        Assert.Empty(await world.Legal().GetArrayAsync($"/api/tenders/{world.Tender}/objections"));

        var objection = await (await world.Legal().PostAsJsonAsync(Url(world), Body(participant))).FiledAsync();
        Assert.Equal("ObjectionAlreadyFiledRule", await (await world.Procurement().PostAsJsonAsync(Url(world), Body(participant))).RuleAsync(409));

        _app.Clock.SetUtcNow(end + TimeSpan.FromMinutes(1));
        await _app.RunDueDeadlineJobsAsync();

        Assert.Equal("awardStandstill", await world.PhaseAsync());
        var refused = Assert.Single(_app.Events(world.TenderId, "deadline.trigger.refused"));
        Assert.Equal("finalAward", refused.Payload()["trigger"]!.GetValue<string>());
        Assert.Equal("GuardsUnmetRule", refused.Payload()["rule"]!.GetValue<string>());
        var recorded = Assert.Single(_app.Events(world.TenderId, "award.objection.filed"));
        var legalId = _app.Db(db => db.Users.AsNoTracking().Single(u => u.UserName == "lea.jurist").Id);
        Assert.Equal(legalId, recorded.ActorId);
        Assert.Equal("Legal", recorded.ActorRole);
        var payload = recorded.Payload();
        Assert.Equal(Summons, payload["receivedVia"]!.GetValue<string>());
        Assert.Equal(participant, payload["organisationId"]!.GetValue<Guid>());
        Assert.Equal(legalId, _app.Db(db => db.Objections.AsNoTracking().Single(o => o.Id == Guid.Parse(objection)).FiledByUserId));

        // The participant is told its objection is on record, with how it came in.
        Assert.Contains(await world.ParticipantClient().GetArrayAsync("/api/notifications"),
            n => n!["kind"]!.GetValue<string>() == "award.objection.recorded" && n["text"]!.GetValue<string>().Contains(Summons, StringComparison.Ordinal));
        // It follows the same advice and decision as a portal objection; the objector sees it with how it was received.
        var seen = Assert.Single(await world.ParticipantClient().GetArrayAsync($"/api/tenders/{world.Tender}/objections"))!;
        Assert.Equal(Summons, seen["receivedVia"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await world.Legal().AdviseAsync(world, objection, uphold: false)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await world.Procurement().ResolveAsync(world, objection, upheld: false)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.Procurement().FireAsync(world.Tender, "finalAward")).StatusCode);
    }

    [Fact]
    public async Task After_the_standstill_end_a_recorded_objection_is_refused_like_a_portal_one()
    {
        var world = await DialogueWorld.CreateAsync(_app);
        await world.EnterAssessmentAsync();
        Assert.True((await world.Procurement().AnnounceAwardAsync(world)).IsSuccessStatusCode);
        await world.ClockAtAsync("awardStandstillEnd", TimeSpan.FromTicks(1));

        Assert.Equal("ObjectionPeriodClosedRule", await (await world.Procurement().PostAsJsonAsync(Url(world), Body(world.Participant.Organisations[0]))).RuleAsync(409));
    }

    [Fact]
    public async Task Legal_records_an_objection_on_the_award_page_in_Dutch_with_labelled_fields()
    {
        var world = await DialogueWorld.CreateAsync(_app);
        await world.EnterAssessmentAsync();
        Assert.True((await world.Procurement().AnnounceAwardAsync(world)).IsSuccessStatusCode);
        var page = $"/tenders/{world.Tender}/gunning";
        var form = WebUtility.HtmlDecode(await (await world.Legal().GetAsync(page)).Content.ReadAsStringAsync());
        Assert.Contains("for=\"record-received-via\"", form);
        Assert.DoesNotContain("record-received-via", await (await world.ParticipantClient().GetAsync(page)).Content.ReadAsStringAsync());

        var fields = new Dictionary<string, string>
        {
            ["decision"] = "award", ["organisationId"] = world.Participant.Organisations[0].ToString(), ["grounds"] = Grounds, ["receivedVia"] = "",
        };
        var (refused, html) = await Portal.PortalForms.PostAsync(world.Legal(), $"{page}?handler=Record", fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("id=\"page-error\"", html);
        Assert.Matches("id=\"record-received-via\"[^>]*aria-invalid=\"true\"", html);
        Assert.Contains(Grounds, WebUtility.HtmlDecode(html));

        fields["receivedVia"] = "Per e-mail van 12-06";
        var (done, doneHtml) = await Portal.PortalForms.PostAsync(world.Legal(), $"{page}?handler=Record", fields);
        Assert.True(done.IsSuccessStatusCode, doneHtml);
        var objection = Assert.Single(await world.Legal().GetArrayAsync($"/api/tenders/{world.Tender}/objections"))!;
        Assert.Equal("Per e-mail van 12-06", objection["receivedVia"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_summons_as_received_is_attached_on_the_award_page_and_read_only_by_the_objector_and_staff()
    {
        var world = await DialogueWorld.CreateAsync(_app);
        await world.EnterAssessmentAsync();
        Assert.True((await world.Procurement().AnnounceAwardAsync(world)).IsSuccessStatusCode);
        var page = $"/tenders/{world.Tender}/gunning";
        var legal = world.Legal();
        var html = await (await legal.GetAsync(page)).Content.ReadAsStringAsync();
        Assert.Matches("<form[^>]*enctype=\"multipart/form-data\"[^>]*handler=Record\"", html);
        Assert.Contains("<label for=\"record-file\">", html);
        var summons = TestFiles.Pdf("Dagvaarding in kort geding, betekend op 12 juni");

        var response = await legal.PostAsync($"{page}?handler=Record", TestFiles.Form(summons, "dagvaarding.pdf", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Portal.PortalForms.TokenIn(html), ["decision"] = "award",
            ["organisationId"] = world.Participant.Organisations[0].ToString(), ["grounds"] = Grounds, ["receivedVia"] = Summons,
        }));

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());   // the redirect to the page that says it is done
        var objection = Assert.Single(await legal.GetArrayAsync($"/api/tenders/{world.Tender}/objections"))!;
        var document = objection["documentId"]!.GetValue<Guid>();
        Assert.Equal(summons, await (await world.ParticipantClient().GetAsync($"/api/documents/{document}")).Content.ReadAsByteArrayAsync());
        Assert.Equal(summons, await (await world.Procurement().GetAsync($"/api/documents/{document}")).Content.ReadAsByteArrayAsync());
        Assert.False((await world.RejectedClient().GetAsync($"/api/documents/{document}")).IsSuccessStatusCode);
        Assert.False((await world.Evaluator().GetAsync($"/api/documents/{document}")).IsSuccessStatusCode);
        var filed = Assert.Single(_app.Events(world.TenderId, "award.objection.filed"));
        Assert.Equal(document, filed.Payload()["documentId"]!.GetValue<Guid>());
        Assert.Single(_app.Events(world.TenderId, "document.uploaded"), e => e.Subject == $"document/{document}");
    }

    [Fact]
    public async Task Through_the_API_a_recorded_objection_takes_the_summons_as_a_multipart_attachment()
    {
        var world = await DialogueWorld.CreateAsync(_app);
        await world.EnterAssessmentAsync();
        Assert.True((await world.Procurement().AnnounceAwardAsync(world)).IsSuccessStatusCode);
        var summons = TestFiles.Pdf("Aangetekende brief met bezwaar");

        var response = await world.Legal().PostAsync(Url(world), TestFiles.Form(summons, "brief.pdf", new Dictionary<string, string>
        {
            ["decision"] = "award", ["organisationId"] = world.Participant.Organisations[0].ToString(), ["grounds"] = Grounds, ["receivedVia"] = "Aangetekende brief van 12-06",
        }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var objection = Assert.Single(await world.Legal().GetArrayAsync($"/api/tenders/{world.Tender}/objections"))!;
        Assert.Equal("Aangetekende brief van 12-06", objection["receivedVia"]!.GetValue<string>());
        Assert.Equal(summons, await (await world.ParticipantClient().GetAsync($"/api/documents/{objection["documentId"]!.GetValue<Guid>()}")).Content.ReadAsByteArrayAsync());
    }
}
