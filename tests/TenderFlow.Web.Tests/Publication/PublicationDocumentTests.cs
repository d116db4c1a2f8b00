using System.Net;
using System.Text.Json.Nodes;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Questions;

namespace TenderFlow.Web.Tests.Publication;

public sealed class PublicationDocumentTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    private static async Task<string> UploadAsync(HttpClient client, string tender, string text, string kind = "guide", string? title = null)
    {
        var fields = new Dictionary<string, string> { ["kind"] = kind };
        if (title is not null)
        {
            fields["title"] = title;
        }
        var response = await client.PostAsync($"/api/tenders/{tender}/publication/documents", TestFiles.Form(TestFiles.Pdf(text), "nota-van-uitgangspunten.pdf", fields));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!["receipt"]!["documentId"]!.GetValue<string>();
    }

    [Fact]
    public async Task Drafts_never_leak_and_versions_current_at_publication_become_public()
    {
        var world = await new QaWorld(_app).StartAsync(publish: false);
        var draft = await UploadAsync(world.Procurement, world.Tender, "Concept nota");
        var final = await UploadAsync(world.Procurement, world.Tender, "Definitieve nota");
        var bidder = await world.OtherBidderAsync();
        var anonymous = _app.CreateClient();

        foreach (var reader in new[] { bidder, anonymous })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/documents/{final}")).StatusCode);
        }
        Assert.Empty(await bidder.GetArrayAsync($"/api/tenders/{world.Tender}/publication/documents"));
        Assert.Equal(HttpStatusCode.OK, (await world.Procurement.GetAsync($"/api/documents/{draft}")).StatusCode);

        await world.PublishAsync();
        var correction = await UploadAsync(world.Procurement, world.Tender, "Nota met correctie");

        foreach (var reader in new[] { bidder, anonymous })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/documents/{draft}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/documents/{final}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/documents/{correction}")).StatusCode);
        }
        var listed = Assert.Single(await bidder.GetArrayAsync($"/api/tenders/{world.Tender}/publication/documents"))!;
        Assert.Equal(correction, listed["current"]!["documentId"]!.GetValue<string>());
        Assert.Equal([final], listed["history"]!.AsArray().Select(h => h!["documentId"]!.GetValue<string>()));
        var publicPage = await (await anonymous.GetAsync($"/openbaar/{world.Reference}")).Content.ReadAsStringAsync();
        Assert.Contains($"/api/documents/{correction}", publicPage);
        Assert.DoesNotContain($"/api/documents/{draft}", publicPage);
    }

    [Fact]
    public async Task Documents_of_a_tender_in_publication_that_is_not_announced_stay_private()
    {
        var world = await new QaWorld(_app).StartAsync(publish: false, announce: false);
        var document = await UploadAsync(world.Procurement, world.Tender, "Besloten nota");
        await world.PublishAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync($"/api/documents/{document}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await world.OtherBidderAsync()).GetAsync($"/api/documents/{document}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.Legal().GetAsync($"/api/documents/{document}")).StatusCode);
    }

    [Fact]
    public async Task Bidders_cannot_upload_tender_documents_and_an_attachment_needs_a_title()
    {
        var world = await new QaWorld(_app).StartAsync(publish: false);
        var bidder = await world.OtherBidderAsync();

        var byBidder = await bidder.PostAsync($"/api/tenders/{world.Tender}/publication/documents",
            TestFiles.Form(TestFiles.Pdf(), "nota.pdf", new Dictionary<string, string> { ["kind"] = "guide" }));
        Assert.Equal(HttpStatusCode.Forbidden, byBidder.StatusCode);

        var untitled = await world.Procurement.PostAsync($"/api/tenders/{world.Tender}/publication/documents",
            TestFiles.Form(TestFiles.Pdf(), "bijlage.pdf", new Dictionary<string, string> { ["kind"] = "attachment" }));
        Assert.Equal("PublicationTitleRule", (await untitled.ProblemAsync(400))["rule"]!.GetValue<string>());
        Assert.Empty(await world.Procurement.GetArrayAsync($"/api/tenders/{world.Tender}/publication/documents"));
    }

    [Fact]
    public async Task Attachments_carry_their_title_and_uploads_are_audited()
    {
        var world = await new QaWorld(_app).StartAsync(publish: false);
        await UploadAsync(world.Procurement, world.Tender, "Planning", "attachment", "Bijlage 1 – Planning");

        var listed = Assert.Single(await world.Procurement.GetArrayAsync($"/api/tenders/{world.Tender}/publication/documents"))!;
        Assert.Equal("Bijlage 1 – Planning", listed["title"]!.GetValue<string>());
        Assert.False(listed["isPublic"]!.GetValue<bool>());
        var actions = (await _app.Legal().GetArrayAsync($"/api/tenders/{world.Tender}/audit")).Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Contains("publication.document.created", actions);
        Assert.Contains("document.uploaded", actions);
    }

    [Fact]
    public async Task A_published_document_keeps_its_title_and_a_mistyped_document_id_creates_nothing()
    {
        var world = await new QaWorld(_app).StartAsync(publish: false);
        await UploadAsync(world.Procurement, world.Tender, "Nota", "guide", "Nota van uitgangspunten Wmo");
        await UploadAsync(world.Procurement, world.Tender, "Nota", "guide", "Nota van uitgangspunten Wmo Utrecht");
        await world.PublishAsync();

        var renamed = await world.Procurement.PostAsync($"/api/tenders/{world.Tender}/publication/documents",
            TestFiles.Form(TestFiles.Pdf("Nota v3"), "nota.pdf", new Dictionary<string, string> { ["kind"] = "guide", ["title"] = "Andere titel" }));
        Assert.Equal("PublishedDocumentTitleRule", (await renamed.ProblemAsync(409))["rule"]!.GetValue<string>());
        var mistyped = await world.Procurement.PostAsync($"/api/tenders/{world.Tender}/publication/documents",
            TestFiles.Form(TestFiles.Pdf("Bijlage"), "bijlage.pdf", new Dictionary<string, string> { ["kind"] = "attachment", ["documentId"] = "abc" }));
        Assert.Equal("PublicationDocumentNotFoundRule", (await mistyped.ProblemAsync(404))["rule"]!.GetValue<string>());

        var listed = Assert.Single(await world.Procurement.GetArrayAsync($"/api/tenders/{world.Tender}/publication/documents"))!;
        Assert.Equal("Nota van uitgangspunten Wmo Utrecht", listed["title"]!.GetValue<string>());
        Assert.Single(listed["history"]!.AsArray());
    }

    [Fact]
    public async Task No_tender_documents_can_be_added_after_the_publication_phases()
    {
        var world = await new QaWorld(_app).StartAsync(publish: false);
        Assert.True((await world.Procurement.FireAsync(world.Tender, "cancel", "Aanbesteding ingetrokken")).IsSuccessStatusCode);

        var response = await world.Procurement.PostAsync($"/api/tenders/{world.Tender}/publication/documents",
            TestFiles.Form(TestFiles.Pdf(), "nota.pdf", new Dictionary<string, string> { ["kind"] = "guide" }));

        Assert.Equal("PublicationDocumentsClosedRule", (await response.ProblemAsync(409))["rule"]!.GetValue<string>());
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_tender_document_changed_or_added_after_publication_is_told_to_every_interested_organisation()
    {
        var world = await new QaWorld(_app).StartAsync(publish: false);
        await UploadAsync(world.Procurement, world.Tender, "Definitieve nota");
        await world.PublishAsync();
        var asker = await world.AskerAsync();
        await QaWorld.AskAsync(asker, world.Tender, "Geldt de termijn ook voor onderaannemers?");

        await UploadAsync(world.Procurement, world.Tender, "Nota met correctie");
        await UploadAsync(world.Procurement, world.Tender, "Prijsblad", kind: "attachment", title: "Prijsblad");

        var told = (await asker.GetArrayAsync("/api/notifications")).Where(n => n!["kind"]!.GetValue<string>().StartsWith("publication.document", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, told.Count);
        Assert.Contains(told, n => n!["kind"]!.GetValue<string>() == "publication.document.changed" && n["text"]!.GetValue<string>().Contains("Nota van uitgangspunten", StringComparison.Ordinal));
        Assert.Contains(told, n => n!["kind"]!.GetValue<string>() == "publication.document.added" && n["text"]!.GetValue<string>().Contains("Prijsblad", StringComparison.Ordinal));
        Assert.All(told, n => Assert.Equal($"/tenders/{world.Tender}/publicatie", n!["link"]!.GetValue<string>()));
        Assert.Contains(await (await world.OtherBidderAsync()).GetArrayAsync("/api/notifications"), n => n!["kind"]!.GetValue<string>() == "publication.document.changed");
        var uninvolved = await _app.Users.ClientAsync("dirk.derde", await _app.OrganisationAsync("Derde Zorg", "99887766"), "Bidder");
        Assert.DoesNotContain(await uninvolved.GetArrayAsync("/api/notifications"),
            n => n!["kind"]!.GetValue<string>().StartsWith("publication.document", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_document_title_with_a_direction_override_is_refused()
    {
        var world = await new QaWorld(_app).StartAsync(publish: false);

        var response = await world.Procurement.PostAsync($"/api/tenders/{world.Tender}/publication/documents",
            TestFiles.Form(TestFiles.Pdf(), "bijlage.pdf", new Dictionary<string, string> { ["kind"] = "attachment", ["title"] = "Prijsblad \u202Etxt.exe" }));

        Assert.Equal("UnreadableTextRule", (await response.ProblemAsync(400))["rule"]!.GetValue<string>());
        Assert.Empty(await world.Procurement.GetArrayAsync($"/api/tenders/{world.Tender}/publication/documents"));
    }
}
