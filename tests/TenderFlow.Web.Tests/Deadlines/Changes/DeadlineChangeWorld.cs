using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Deadlines;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Deadlines.Changes;

/// <summary>
/// An announced sas-dialogue tender in publication: questions close 21 March 2027 12:00 (+01:00), applications 10 April 12:00
/// (+02:00); a bidder of Zorgplus asked a question (so it is "interested"), Buurtzorg Oost has nothing to do with it.
/// </summary>
public sealed class DeadlineChangeWorld(TenderFlowFactory app)
{
    public static readonly DateTimeOffset QuestionsClose = new(2027, 3, 21, 12, 0, 0, TimeSpan.FromHours(1));
    public static readonly DateTimeOffset ApplicationsClose = new(2027, 4, 10, 12, 0, 0, TimeSpan.FromHours(2));
    public const string AskerUser = "bea.zorgplus";
    public const string OutsiderUser = "olaf.oost";

    public string Tender { get; private set; } = "";
    public Guid AskerOrganisation { get; private set; }
    public Guid OutsiderOrganisation { get; private set; }

    public async Task<DeadlineChangeWorld> StartAsync()
    {
        AskerOrganisation = await app.OrganisationAsync("Zorgplus Utrecht Midden", "11223344");
        OutsiderOrganisation = await app.OrganisationAsync("Buurtzorg Oost", "55667788");
        await app.Users.EnsureAsync(OutsiderUser, OutsiderOrganisation, "Bidder");
        var procurement = app.Procurement();
        var tender = await procurement.CreateTenderAsync(reference: "UTR-TERMIJN-" + Guid.NewGuid().ToString("N")[..6], deadlines: new Dictionary<string, DateTimeOffset>
        {
            ["publication"] = TenderFlowFactory.Start.AddMinutes(1),
            ["questionsClose"] = QuestionsClose,
            ["applicationsClose"] = ApplicationsClose,
        });
        Tender = tender.Id();
        Assert.True((await procurement.PostAsync($"/api/tenders/{Tender}/announce", null)).IsSuccessStatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var published = await procurement.FireAsync(Tender, "publish");
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        var asker = await Asker();
        var asked = await asker.PostAsJsonAsync($"/api/tenders/{Tender}/questions", new { text = "Mogen onderaannemers worden ingezet bij dagbesteding?" });
        Assert.True(asked.IsSuccessStatusCode, await asked.Content.ReadAsStringAsync());
        Question = System.Text.Json.Nodes.JsonNode.Parse(await asked.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        return this;
    }

    public string Question { get; private set; } = "";

    /// <summary>Answers the question in a nota van inlichtingen, as applications cannot close before.</summary>
    public async Task AnswerInANoteAsync()
    {
        var procurement = Procurement();
        Assert.True((await procurement.PutAsJsonAsync($"/api/tenders/{Tender}/questions/{Question}/answer", new { answer = "Ja." })).IsSuccessStatusCode);
        Assert.True((await Questions.QaWorld.PublishAsync(procurement, Tender, Question)).IsSuccessStatusCode);
        Assert.True((await procurement.PostAsync($"/api/tenders/{Tender}/nvi", null)).IsSuccessStatusCode);
    }

    public Task<HttpClient> Asker() => app.Users.ClientAsync(AskerUser, AskerOrganisation, "Bidder");

    /// <summary>A fresh Procurement client: bearer tokens expire after an hour of the fake clock.</summary>
    public HttpClient Procurement() => app.Procurement();

    public Task<HttpResponseMessage> ChangeAsync(HttpClient client, string key, string? dueAt, string? reason, bool outage = false, long? expectedRevision = null) =>
        client.PutAsJsonAsync($"/api/tenders/{Tender}/deadlines/{key}", new { dueAt, reason, outage, expectedRevision });

    public async Task<long> RevisionAsync() => (await app.Procurement().GetJsonAsync($"/api/tenders/{Tender}"))["revision"]!.GetValue<long>();

    public async Task<DateTime?> DueAsync(string key)
    {
        var tender = await app.Procurement().GetJsonAsync($"/api/tenders/{Tender}");
        var due = tender["deadlines"]!.AsArray().Single(d => d!["key"]!.GetValue<string>() == key)!["dueAtUtc"];
        return due is null ? null : DateTime.SpecifyKind(due.GetValue<DateTime>(), DateTimeKind.Utc);
    }

    public async Task<JsonArray> AuditAsync() => await app.Legal().GetArrayAsync($"/api/tenders/{Tender}/audit");

    /// <summary>The tender's planned jobs that have not run.</summary>
    public async Task<List<PlannedDeadlineJob>> PlannedAsync()
    {
        using var scope = app.Services.CreateScope();
        var (tender, definition) = (await scope.ServiceProvider.GetRequiredService<TenderSteps>().LoadAsync(Guid.Parse(Tender), CancellationToken.None))!.Value;
        return await scope.ServiceProvider.GetRequiredService<DeadlineSchedule>().WaitingAsync(tender, definition, app.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
    }

    public async Task<List<Domain.Notifications.Notification>> NotificationsAsync(string kind)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var id = Guid.Parse(Tender);
        return await db.Notifications.AsNoTracking().Where(n => n.TenderId == id && n.Kind == kind).ToListAsync();
    }

    public async Task<string> UserIdAsync(string userName, Guid? organisation, params string[] roles) => (await app.Users.EnsureAsync(userName, organisation, roles)).Id;
}
