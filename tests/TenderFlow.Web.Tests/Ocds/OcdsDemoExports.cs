using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Ocds;

/// <summary>Both OCDS packages of one phase, as the public (anonymous) and as Procurement received them.</summary>
public sealed record PhaseExport(string Phase, string ReleasePackage, string RecordPackage, string ContentType, HttpStatusCode StaffStatus, string StaffReleasePackage)
{
    public JsonObject Releases => JsonNode.Parse(ReleasePackage)!.AsObject();

    public JsonObject Records => JsonNode.Parse(RecordPackage)!.AsObject();

    public JsonObject Latest => Releases["releases"]!.AsArray()[^1]!.AsObject();

    public JsonObject Compiled => Records["records"]![0]!["compiledRelease"]!.AsObject();
}

/// <summary>
/// Runs the demo procedure once for the test class and keeps the exports of every phase. On the way it adds public
/// material the demo does not have: a published tender document (consultation), a public session report and a question
/// whose asker names itself, answered and published in a note with the asker left out (publication).
/// </summary>
public sealed class OcdsDemoExports : IAsyncLifetime
{
    public const string AskerMarker = "vraagsteller-geheim-7b3f";
    public const string PublishedQuestion = "Mogen combinatiepartners hun ervaring bij de ervaringseisen optellen?";
    public const string PublishedAnswer = "Ja, de ervaring van alle leden van een combinatie telt mee.";
    public const string AwardReasons = "De inschrijving is op alle criteria voldoende.";

    public DemoProcedure Procedure { get; } = new();

    public Dictionary<string, PhaseExport> Exports { get; } = new(StringComparer.Ordinal);

    public string AskerDisplayName { get; private set; } = "";
    public string EvaluatorDisplayName { get; private set; } = "";
    public string PartnerDisplayName { get; private set; } = "";
    public string SupplierKvk { get; private set; } = "";
    public string RejectedKvk { get; private set; } = "";
    public int SeededSessions { get; private set; }
    public string PublicationDocumentId { get; private set; } = "";
    public string ReportDocumentId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Procedure.RunAsync(async phase =>
        {
            if (phase == "consultation")
            {
                await LearnPeopleAsync();
                PublicationDocumentId = await UploadPublicationDocumentAsync();
            }
            if (phase == "publication")
            {
                ReportDocumentId = await PublishReportAsync();
                await AskAndPublishAsync();
            }
            Exports[phase] = await ExportAsync(phase);
        });
    }

    private async Task<PhaseExport> ExportAsync(string phase)
    {
        var anonymous = Procedure.App.CreateClient();
        var releases = await anonymous.GetAsync($"{Procedure.Api}/ocds");
        var records = await anonymous.GetAsync($"{Procedure.Api}/ocds/record");
        var releaseBody = await releases.Content.ReadAsStringAsync();
        Assert.True(releases.StatusCode == HttpStatusCode.OK, $"{phase}: {releaseBody}");
        Assert.Equal(HttpStatusCode.OK, records.StatusCode);
        var staff = await Procedure.Client("inkoper").GetAsync($"{Procedure.Api}/ocds");
        return new PhaseExport(phase, releaseBody, await records.Content.ReadAsStringAsync(), releases.Content.Headers.ContentType?.MediaType ?? "",
            staff.StatusCode, await staff.Content.ReadAsStringAsync());
    }

    private async Task LearnPeopleAsync()
    {
        using var scope = Procedure.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        async Task<string> NameAsync(string user) => (await db.Users.SingleAsync(u => u.UserName == user)).DisplayName;
        async Task<string> KvkAsync(string user)
        {
            var organisation = (await db.Users.SingleAsync(u => u.UserName == user)).OrganisationId;
            return (await db.Organisations.SingleAsync(o => o.Id == organisation)).KvkNumber;
        }
        AskerDisplayName = await NameAsync("begeleidthuis");
        EvaluatorDisplayName = await NameAsync("beoordelaar");
        PartnerDisplayName = await NameAsync("partner");
        SupplierKvk = await KvkAsync("wijkzorg");
        RejectedKvk = await KvkAsync("begeleidthuis");
        SeededSessions = await db.ConsultationSessions.CountAsync(s => s.TenderId == Procedure.TenderId);
    }

    private async Task<string> UploadPublicationDocumentAsync()
    {
        var response = await DemoProcedure.Ok(Procedure.Client("inkoper").PostAsync($"{Procedure.Api}/publication/documents",
            TestFiles.Form(TestFiles.Pdf("Nota van uitgangspunten"), "nota-van-uitgangspunten.pdf", new Dictionary<string, string> { ["kind"] = "guide" })));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["receipt"]!["documentId"]!.GetValue<string>();
    }

    private async Task<string> PublishReportAsync()
    {
        var session = (await Procedure.Client("inkoper").GetArrayAsync($"{Procedure.Api}/consultation/sessions"))[0]!["id"]!.GetValue<string>();
        var response = await DemoProcedure.Ok(Procedure.Client("inkoper").PostAsync($"{Procedure.Api}/consultation/sessions/{session}/report",
            TestFiles.Form(TestFiles.Pdf("Verslag consultatiesessie"), "verslag.pdf", new Dictionary<string, string> { ["public"] = "true" })));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["documentId"]!.GetValue<string>();
    }

    private async Task AskAndPublishAsync()
    {
        var asked = await DemoProcedure.Ok(Procedure.Client("begeleidthuis").PostAsJsonAsync($"{Procedure.Api}/questions", new
        {
            text = $"Wij ({AskerMarker}) willen weten of wij de ervaring van onze combinatiepartners mogen optellen.",
            sectionReference = $"Ervaringseisen ({AskerMarker})",
        }));
        var question = JsonNode.Parse(await asked.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var inkoper = Procedure.Client("inkoper");
        await DemoProcedure.Ok(inkoper.PutAsJsonAsync($"{Procedure.Api}/questions/{question}/answer", new { answer = PublishedAnswer, publishedText = PublishedQuestion }));
        await DemoProcedure.Ok(Questions.QaWorld.PublishAsync(inkoper, Procedure.Tender, question));
        await DemoProcedure.Ok(inkoper.PostAsync($"{Procedure.Api}/nvi", null));
    }

    public Task DisposeAsync()
    {
        Procedure.Dispose();
        return Task.CompletedTask;
    }
}
