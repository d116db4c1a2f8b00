using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Web.Data;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Portal;

namespace TenderFlow.Web.Tests.Deadlines;

public class IncidentTests
{
    [Fact]
    public async Task Procurement_resolves_an_incident_with_a_note_and_the_audit_trail_keeps_both()
    {
        using var app = new TenderFlowFactory();
        var tender = await DeadlineWorld.PublishedTenderAsync(app);
        var incident = RaiseIncident(app, tender);

        var procurement = app.Procurement();
        var empty = await procurement.PostAsJsonAsync($"/api/tenders/{tender}/incidents/{incident}/resolve", new { note = " " });
        Assert.Equal("IncidentNoteRequiredRule", (await empty.ProblemAsync(400))["rule"]!.GetValue<string>());
        var invisible = await procurement.PostAsJsonAsync($"/api/tenders/{tender}/incidents/{incident}/resolve", new { note = "\u200b\u2060" });
        Assert.Equal("IncidentNoteRequiredRule", (await invisible.ProblemAsync(400))["rule"]!.GetValue<string>());
        var overridden = await procurement.PostAsJsonAsync($"/api/tenders/{tender}/incidents/{incident}/resolve", new { note = "Met de hand \u202Egesloten\u202C." });
        Assert.Equal("UnreadableTextRule", (await overridden.ProblemAsync(400))["rule"]!.GetValue<string>());
        foreach (var (user, role) in new[] { ("lea.jurist", "Legal"), ("eva.een", "Evaluator"), ("beheer", "Admin") })
        {
            var refused = await app.ClientAs(user, role).PostAsJsonAsync($"/api/tenders/{tender}/incidents/{incident}/resolve", new { note = "Zelf opgelost" });
            Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        }
        Assert.Null(app.Db(db => db.TenderIncidents.Single(i => i.Id == incident).ResolvedAtUtc));

        var page = await PortalForms.SignedInAsync(app, "anna.inkoper", "Procurement");
        var form = await page.GetStringAsync($"/tenders/{tender}/incidenten/{incident}");
        Assert.Contains("Incident afhandelen", form, StringComparison.Ordinal);
        var (posted, _) = await PortalForms.PostAsync(page, $"/tenders/{tender}/incidenten/{incident}",
            new Dictionary<string, string> { ["Note"] = "Aanmeldingen met de hand gesloten om 12:05." });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        Assert.NotNull(app.Db(db => db.TenderIncidents.Single(i => i.Id == incident).ResolvedAtUtc));
        var resolved = Assert.Single(app.Events(tender, "incident.resolved"));
        Assert.Equal("Aanmeldingen met de hand gesloten om 12:05.", resolved.Payload()["note"]!.GetValue<string>());
        var again = await procurement.PostAsJsonAsync($"/api/tenders/{tender}/incidents/{incident}/resolve", new { note = "nogmaals" });
        Assert.Equal("IncidentAlreadyResolvedRule", (await again.ProblemAsync(409))["rule"]!.GetValue<string>());

        var jobs = await app.Legal().GetJsonAsync($"/api/tenders/{tender}/deadline-jobs");
        Assert.NotNull(Assert.Single(jobs["incidents"]!.AsArray())!["resolvedAtUtc"]);
        Assert.Contains(jobs["jobs"]!.AsArray(), j => j!["deadline"]!.GetValue<string>() == "applicationsClose" && j["kind"]!.GetValue<string>() == "Close");
    }

    private static Guid RaiseIncident(TenderFlowFactory app, Guid tender) => app.Db(db =>
    {
        var incident = new TenderIncident
        {
            Id = Guid.NewGuid(), TenderId = tender, Kind = "deadline.job.failed", Message = "Deadline job 'applicationsClose' failed after its retries: disk full",
            OccurredAtUtc = app.Clock.GetUtcNow().UtcDateTime,
        };
        db.TenderIncidents.Add(incident);
        db.SaveChanges();
        return incident.Id;
    });
}
