using System.Net;
using System.Text.RegularExpressions;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Submission;

/// <summary>
/// The submission page posts its upload to the page handler, so the page itself must allow a file of the configured
/// maximum: on a real Kestrel server the default request body limit (about 28.6 MB) would refuse a 30 MB tender document
/// with an error page, on the day the deadline matters most.
/// </summary>
public sealed partial class SubmissionPageUploadTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public SubmissionPageUploadTests()
    {
        _app.UseKestrel(0);
        _app.StartServer();
    }

    public void Dispose() => _app.Dispose();


    [Fact]
    public async Task A_30_MB_tender_document_posted_through_the_page_is_received()
    {
        var w = await SubmissionWorld.CreateAsync(_app);
        var participant = w.Participant();
        var page = await (await participant.GetAsync($"/tenders/{w.Tender}/inschrijving")).Content.ReadAsStringAsync();
        byte[] document = [.. TestFiles.Pdf("Inschrijving met bijlagen"), .. new byte[30 * 1024 * 1024]];
        var form = TestFiles.Form(document, "inschrijving-groot.pdf", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Portal.PortalForms.TokenIn(page), ["kind"] = "tender",
        });

        var response = await participant.PostAsync($"/tenders/{w.Tender}/inschrijving?handler=Upload", form);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var stored = await w.DbAsync(db => Task.FromResult(db.Documents.Where(d => d.Kind == "submission.tender").Select(d => d.SizeBytes).ToList()));
        Assert.Equal(document.LongLength, Assert.Single(stored));
    }
}
