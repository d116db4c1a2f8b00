using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TenderFlow.Domain.Audit.Export;
using TenderFlow.Web.Features.AuditExport;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Submission;

namespace TenderFlow.Web.Tests.AuditExport;

/// <summary>
/// Before the submission vault is opened, the package Procurement downloads names no file of the participant's: not the
/// submitted version, and neither a draft nor a replaced one (a file name often names the bidder or what it offers).
/// </summary>
public sealed class SealedSubmissionExportTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static async Task<string> UploadAsync(SubmissionWorld w, string fileName)
    {
        var response = await w.Participant().PostAsync($"{w.Api}/documents",
            TestFiles.Form(TestFiles.Pdf(fileName), fileName, new Dictionary<string, string> { ["kind"] = "tender" }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!["documentId"]!.GetValue<string>();
    }

    private static async Task<Dictionary<string, JsonNode>> ExportedAsync(SubmissionWorld w, HttpClient client) =>
        (await AuditPackageFiles.ReadAsync(client, w.Tender, AuditExportFormat.Documents)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonNode.Parse(l)!).ToDictionary(d => d["id"]!.GetValue<string>());

    private static async Task AssertSealedForProcurementAsync(SubmissionWorld w, params string[] documents)
    {
        var exported = await ExportedAsync(w, w.Procurement());
        foreach (var id in documents)
        {
            Assert.Null(exported[id]["fileName"]);
            Assert.Equal(ExportDocumentContent.Sealed("submission"), exported[id]["withheldReason"]!.GetValue<string>());
        }
        var legal = await ExportedAsync(w, w.Legal());
        Assert.All(documents, id => Assert.NotNull(legal[id]["fileName"]));
    }

    [Fact]
    public async Task Draft_and_replaced_submission_documents_are_exported_without_their_name_before_the_opening()
    {
        var w = await SubmissionWorld.CreateAsync(_app);
        var replaced = await UploadAsync(w, "aanbod-zorgplus-v1.pdf");
        var draft = await UploadAsync(w, "aanbod-zorgplus-v2.pdf");
        await AssertSealedForProcurementAsync(w, replaced, draft);

        await SubmissionWorld.Ok(w.Participant().PutAsJsonAsync($"{w.Api}/answers", SubmissionWorld.Answers()), HttpStatusCode.NoContent);
        await w.SubmitAsync();
        await AssertSealedForProcurementAsync(w, replaced, draft);
    }
}
