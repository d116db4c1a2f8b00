using System.Net.Http.Json;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Questions;

/// <summary>
/// An announced sas-dialogue tender moved into the publication phase (the clock passes the publication date), with
/// two candidate organisations: Zorgplus (asks) and Buurtzorg Oost (reads), each with one user.
/// </summary>
public sealed class QaWorld(TenderFlowFactory app)
{
    public const string AskerOrganisation = "Zorgplus Utrecht Midden";
    public const string AskerUser = "bea.zorgplus";
    public const string OtherUser = "olaf.oost";

    public string Tender { get; private set; } = "";
    public string Reference { get; private set; } = "";
    public Guid AskerOrganisationId { get; private set; }
    public Guid OtherOrganisationId { get; private set; }
    public DateTimeOffset QuestionsClose { get; private set; }
    public HttpClient Procurement { get; private set; } = null!;

    /// <param name="publish">False leaves the tender in consultation (announced).</param>
    public async Task<QaWorld> StartAsync(bool publish = true, bool announce = true)
    {
        AskerOrganisationId = await app.OrganisationAsync(AskerOrganisation, "11223344");
        OtherOrganisationId = await app.OrganisationAsync("Buurtzorg Oost", "55667788");
        Procurement = app.Procurement();
        // The candidates' users exist from the start, as they would (notifications go to the users an organisation has).
        await app.Users.EnsureAsync(AskerUser, AskerOrganisationId, "Bidder");
        await app.Users.EnsureAsync(OtherUser, OtherOrganisationId, "Bidder");
        var start = TenderFlowFactory.Start;
        QuestionsClose = start.AddMinutes(20);
        Reference = "UTR-QA-" + Guid.NewGuid().ToString("N")[..6];
        var tender = await Procurement.CreateTenderAsync(reference: Reference, deadlines: new Dictionary<string, DateTimeOffset>
        {
            ["publication"] = start.AddMinutes(1),
            ["questionsClose"] = QuestionsClose,
            ["applicationsClose"] = start.AddDays(30),
        });
        Tender = tender.Id();
        await app.ParticipateAsync(Tender, OtherOrganisationId);
        if (announce)
        {
            Assert.True((await Procurement.PostAsync($"/api/tenders/{Tender}/announce", null)).IsSuccessStatusCode);
        }
        if (publish)
        {
            await PublishAsync();
        }
        return this;
    }

    public async Task PublishAsync()
    {
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var fired = await Procurement.FireAsync(Tender, "publish");
        Assert.True(fired.IsSuccessStatusCode, await fired.Content.ReadAsStringAsync());
    }

    public Task<HttpClient> AskerAsync() => app.Users.ClientAsync(AskerUser, AskerOrganisationId, "Bidder");

    public Task<HttpClient> OtherBidderAsync() => app.Users.ClientAsync(OtherUser, OtherOrganisationId, "Bidder");

    public static async Task<string> AskAsync(HttpClient bidder, string tender, string text, string? section = null)
    {
        var response = await bidder.PostAsJsonAsync($"/api/tenders/{tender}/questions", new { text, sectionReference = section });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return System.Text.Json.Nodes.JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    public async Task AnswerAndPublishAsync(string question, string answer, string? publishedText = null)
    {
        var answered = await Procurement.PutAsJsonAsync($"/api/tenders/{Tender}/questions/{question}/answer", new { answer, publishedText });
        Assert.True(answered.IsSuccessStatusCode, await answered.Content.ReadAsStringAsync());
        var published = await PublishAsync(Procurement, Tender, question);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
    }

    /// <summary>Publishes the draft answer as the publisher reads it now in the list of questions (its answerSha256).</summary>
    public static async Task<HttpResponseMessage> PublishAsync(HttpClient procurement, string tender, string question)
    {
        var cases = await procurement.GetArrayAsync($"/api/tenders/{tender}/questions");
        var seen = cases.Single(c => c!["id"]!.GetValue<string>() == question)!["answerSha256"]?.GetValue<string>();
        return await procurement.PostAsJsonAsync($"/api/tenders/{tender}/questions/{question}/publish", new { answerSha256 = seen });
    }
}
