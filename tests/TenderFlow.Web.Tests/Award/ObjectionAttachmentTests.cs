using System.Net;
using TenderFlow.Web.Tests.Deadlines;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Award;

/// <summary>An objection usually is a lawyer's letter: the participant attaches it in the portal as well as through the API.</summary>
public sealed class ObjectionAttachmentTests : IDisposable
{
    private const string Grounds = "De motivering van de score op criterium K2 ontbreekt; zie de bijgevoegde brief van onze advocaat.";

    private readonly TenderFlowFactory _app = AssessedQualityStandIn.Factory();

    public void Dispose() => _app.Dispose();

    private async Task<DialogueWorld> AnnouncedAsync()
    {
        var world = await DialogueWorld.CreateAsync(_app);
        await world.EnterAssessmentAsync();
        Assert.True((await world.Procurement().AnnounceAwardAsync(world)).IsSuccessStatusCode);
        return world;
    }

    private static async Task<HttpResponseMessage> ObjectOnThePageAsync(HttpClient participant, DialogueWorld world, byte[] file, string fileName)
    {
        var page = $"/tenders/{world.Tender}/gunning";
        var html = await (await participant.GetAsync(page)).Content.ReadAsStringAsync();
        return await participant.PostAsync($"{page}?handler=Object", TestFiles.Form(file, fileName, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Portal.PortalForms.TokenIn(html), ["decision"] = "award", ["grounds"] = Grounds,
        }));
    }

    [Fact]
    public async Task The_participant_attaches_its_lawyers_letter_on_the_award_page_and_a_competitor_cannot_read_it()
    {
        var world = await AnnouncedAsync();
        var participant = world.ParticipantClient();
        var html = await (await participant.GetAsync($"/tenders/{world.Tender}/gunning")).Content.ReadAsStringAsync();
        Assert.Matches("<form[^>]*enctype=\"multipart/form-data\"[^>]*handler=Object\"", html);
        Assert.Contains("<label for=\"object-file\">", html);
        var letter = TestFiles.Pdf("Bezwaarschrift namens inschrijver");

        var response = await ObjectOnThePageAsync(participant, world, letter, "bezwaarschrift.pdf");

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());   // the redirect to the page that says it is done
        var objection = Assert.Single(await participant.GetArrayAsync($"/api/tenders/{world.Tender}/objections"))!;
        var document = objection["documentId"]!.GetValue<Guid>();
        Assert.Equal(letter, await (await participant.GetAsync($"/api/documents/{document}")).Content.ReadAsByteArrayAsync());
        Assert.Equal(letter, await (await world.Legal().GetAsync($"/api/documents/{document}")).Content.ReadAsByteArrayAsync());
        Assert.False((await world.RejectedClient().GetAsync($"/api/documents/{document}")).IsSuccessStatusCode);
        Assert.Contains($"/api/documents/{document}", await (await participant.GetAsync($"/tenders/{world.Tender}/gunning")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_attachment_of_a_refused_type_refuses_the_objection_with_a_readable_message_and_keeps_the_grounds()
    {
        var world = await AnnouncedAsync();
        var participant = world.ParticipantClient();

        var response = await ObjectOnThePageAsync(participant, world, TestFiles.Executable(), "bezwaar.exe");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"page-error\"", html);
        Assert.Matches("id=\"object-file\"[^>]*aria-invalid=\"true\"", html);
        Assert.Contains(Grounds, html);
        Assert.Empty(await participant.GetArrayAsync($"/api/tenders/{world.Tender}/objections"));
        Assert.Empty(_app.Db(db => db.Documents.Where(d => d.Kind == "award.objection.document").ToList()));
    }

    [Fact]
    public async Task Without_an_attachment_the_page_files_the_objection_as_before()
    {
        var world = await AnnouncedAsync();
        var participant = world.ParticipantClient();

        var (response, html) = await Portal.PortalForms.PostAsync(participant, $"/tenders/{world.Tender}/gunning?handler=Object",
            new Dictionary<string, string> { ["decision"] = "award", ["grounds"] = Grounds });

        Assert.True(response.IsSuccessStatusCode, html);
        var objection = Assert.Single(await participant.GetArrayAsync($"/api/tenders/{world.Tender}/objections"))!;
        Assert.Null(objection["documentId"]);
    }
}
