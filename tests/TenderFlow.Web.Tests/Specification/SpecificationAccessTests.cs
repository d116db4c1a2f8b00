using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Features.Specification;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Specification.SpecificationWorld;

namespace TenderFlow.Web.Tests.Specification;

/// <summary>One tender in the specification phase with version 1 approved by Legal and a draft version 2 on top.</summary>
public sealed class ApprovedSpecificationFixture : IAsyncLifetime
{
    public TenderFlowFactory App { get; } = new();
    public SpecificationWorld World { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        World = await SpecificationWorld.CreateAsync(App);
        var v1 = await World.DraftAsync();
        await NoContentAsync(World.ReviewAsync(1, true));
        await CreatedAsync(await World.SaveWithTextAsync(v1, 0, "Concept na goedkeuring: nog niet voor de deelnemer."));
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class SpecificationAccessTests(ApprovedSpecificationFixture fixture) : IClassFixture<ApprovedSpecificationFixture>
{
    private SpecificationWorld World => fixture.World;
    private string Api => World.Api;

    [Fact]
    public async Task The_participant_reads_approved_versions_only_and_without_Legals_internal_comments()
    {
        var view = await World.Dialogue.ParticipantClient().GetJsonAsync(Api);
        Assert.Equal(1, view["latest"]!["number"]!.GetValue<int>());
        Assert.Equal("approved", view["status"]!.GetValue<string>());
        Assert.Equal([1], view["versions"]!.AsArray().Select(v => v!["number"]!.GetValue<int>()));
        Assert.Equal(10, view["latest"]!["sections"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.OK, (await World.Dialogue.ParticipantClient().GetAsync($"{Api}/versions/1")).StatusCode);
        Assert.Equal("SpecificationVersionNotFoundRule", await RuleAsync(await World.Dialogue.ParticipantClient().GetAsync($"{Api}/versions/2"), 404));
        Assert.Equal("SpecificationAccessRule", await RuleAsync(await World.Dialogue.ParticipantClient().GetAsync($"{Api}/versions/2/diff"), 403));
        var reads = World.Db(db => db.AuditEvents.Count(e => e.TenderId == World.Dialogue.TenderId && e.Action == "specification.read" && e.ActorRole == "Bidder"));
        Assert.True(reads >= 2, $"participant reads audited: {reads}");
    }

    [Fact]
    public async Task Sections_link_to_their_dialogue_theme_only_for_readers_who_are_in_the_dialogue()
    {
        var page = $"/tenders/{World.Tender}/opdrachtomschrijving";
        Assert.Contains($"/tenders/{World.Tender}/dialoog/", await World.Dialogue.ParticipantClient().GetStringAsync(page));
        Assert.Contains($"/tenders/{World.Tender}/dialoog/", await World.App.Procurement().GetStringAsync(page));
        Assert.Contains($"/tenders/{World.Tender}/dialoog/", await World.App.Legal().GetStringAsync(page));
        // Readers outside the dialogue (an evaluator from the assessment on): SpecificationLifecycleTests.
    }

    [Fact]
    public async Task Staff_read_every_version()
    {
        foreach (var client in new[] { World.App.Procurement(), World.App.Legal() })
        {
            var view = await client.GetJsonAsync(Api);
            Assert.Equal(2, view["latest"]!["number"]!.GetValue<int>());
            Assert.Equal("draft", view["status"]!.GetValue<string>());
            Assert.Equal([2, 1], view["versions"]!.AsArray().Select(v => v!["number"]!.GetValue<int>()));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Api}/versions/2/diff")).StatusCode);
        }
    }

    [Fact]
    public async Task Rejected_candidates_partners_evaluators_before_the_assessment_and_anonymous_callers_read_nothing()
    {
        var outsiders = new[] { World.Dialogue.RejectedClient(), World.Dialogue.RejectedClient(1), World.Dialogue.Evaluator(), World.Dialogue.Partner("piet.partner") };
        foreach (var client in outsiders)
        {
            foreach (var url in new[] { Api, $"{Api}/versions/1", $"{Api}/versions/2/diff" })
            {
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
                Assert.DoesNotContain("Afgesproken uitkomst", await response.Content.ReadAsStringAsync());
            }
            var ack = await client.PostAsJsonAsync($"{Api}/acknowledgement", new { version = 1 });
            Assert.True(ack.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, ack.StatusCode.ToString());
        }
        var anonymous = World.App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Api)).StatusCode);
        Assert.Equal(0, World.Db(db => db.SpecificationAcknowledgements.Count(a => a.OrganisationId != World.Dialogue.Participant.Organisations[0])));
    }

    [Fact]
    public async Task Nobody_but_Procurement_writes_and_nobody_but_Legal_reviews()
    {
        var v2 = await World.App.Procurement().GetJsonAsync($"{Api}/versions/2");
        foreach (var client in new[] { World.App.Legal(), World.Dialogue.ParticipantClient(), World.Dialogue.Evaluator() })
        {
            var draft = await client.PostAsync($"{Api}/draft", null);
            var save = await client.PutAsJsonAsync(Api, new { introduction = "Overgenomen", sections = Array.Empty<object>(), basedOnVersion = 2 });
            Assert.True(draft.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, draft.StatusCode.ToString());
            Assert.True(save.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, save.StatusCode.ToString());
        }
        foreach (var client in new[] { World.App.Procurement(), World.Dialogue.ParticipantClient(), World.Dialogue.Evaluator(), World.Dialogue.RejectedClient() })
        {
            var review = await client.PostAsJsonAsync($"{Api}/review", new { version = 2, approve = true });
            Assert.True(review.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, review.StatusCode.ToString());
        }
        Assert.Equal(2, World.Db(db => db.SpecificationVersions.Count(v => v.TenderId == World.Dialogue.TenderId)));
        Assert.Equal(1, World.Db(db => db.SpecificationReviews.Count(r => r.TenderId == World.Dialogue.TenderId)));
        Assert.Equal(v2["sha256"]!.GetValue<string>(), (await World.App.Procurement().GetJsonAsync($"{Api}/versions/2"))["sha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_participant_acknowledges_an_approved_version_once()
    {
        var participant = World.Dialogue.ParticipantClient();
        // A draft is answered as a version that does not exist: the participant cannot learn that the authority is revising.
        Assert.Equal("SpecificationVersionNotFoundRule", await RuleAsync(await participant.PostAsJsonAsync($"{Api}/acknowledgement", new { version = 2 }), 404));
        Assert.Equal("SpecificationVersionNotFoundRule", await RuleAsync(await participant.PostAsJsonAsync($"{Api}/acknowledgement", new { version = 99 }), 404));
        Assert.Equal("SpecificationVersionNotFoundRule", await RuleAsync(await participant.PostAsJsonAsync($"{Api}/acknowledgement", new { version = 7 }), 404));
        await NoContentAsync(participant.PostAsJsonAsync($"{Api}/acknowledgement", new { version = 1 }));
        Assert.Equal("SpecificationAlreadyAcknowledgedRule", await RuleAsync(await participant.PostAsJsonAsync($"{Api}/acknowledgement", new { version = 1 }), 409));

        var acknowledgements = (await World.App.Legal().GetJsonAsync(Api))["acknowledgements"]!.AsArray();
        var only = Assert.Single(acknowledgements)!;
        Assert.Equal(1, only["version"]!.GetValue<int>());
        Assert.Equal(World.Dialogue.Participant.Organisations[0], only["organisationId"]!.GetValue<Guid>());
        Assert.Single((await participant.GetJsonAsync(Api))["acknowledgements"]!.AsArray());
        Assert.Equal(1, World.Db(db => db.AuditEvents.Count(e => e.TenderId == World.Dialogue.TenderId && e.Action == "specification.acknowledged")));
    }

    [Fact]
    public async Task The_approval_records_a_pdf_the_participant_may_download_and_rejected_candidates_may_not()
    {
        var documentId = (await World.App.Legal().GetJsonAsync($"{Api}/versions/1"))["documentId"]!.GetValue<Guid>();
        var document = World.Db(db => db.Documents.AsNoTracking().Single(d => d.Id == documentId));
        Assert.Equal(SpecificationPdf.Kind, document.Kind);
        var download = await World.Dialogue.ParticipantClient().GetAsync($"/api/documents/{documentId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await download.Content.ReadAsByteArrayAsync())[..4]);
        foreach (var client in new[] { World.Dialogue.RejectedClient(), World.Dialogue.Evaluator(), World.Dialogue.Partner("piet.partner") })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/documents/{documentId}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await World.App.Legal().GetAsync($"/api/documents/{documentId}")).StatusCode);
    }

    [Fact]
    public void The_pdf_holds_every_section_heading_and_text()
    {
        var (tender, version) = World.Db(db => (db.Tenders.AsNoTracking().Single(t => t.Id == World.Dialogue.TenderId),
            db.SpecificationVersions.AsNoTracking().Single(v => v.TenderId == World.Dialogue.TenderId && v.Number == 2)));
        var text = SpecificationPdf.Build(tender, version, "Anna Inkoper", null, null).PlainText();
        Assert.Contains("Concept na goedkeuring: nog niet voor de deelnemer.", text);
        Assert.Contains("Niet goedgekeurd", text);
        Assert.Contains(version.Sha256, text);
        foreach (var section in version.Sections)
        {
            Assert.Contains(section.Heading, text);
            Assert.Contains(section.Text, text);
        }
        Assert.DoesNotContain(tender.Themes.Single(t => t.Key == WaivedKey).TitleNl, text);
        Assert.Equal(DialogueThemeStatus.Waived, tender.Themes.Single(t => t.Key == WaivedKey).Status);
    }
}
