using System.Net;
using System.Text.RegularExpressions;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Submission;

/// <summary>A file over the configured maximum, posted through the submission page on a real server, is refused with that reason.</summary>
public sealed partial class SubmissionPageOversizeTests : IDisposable
{
    private readonly TenderFlowFactory _app = new() { Settings = { ["Documents:MaxUploadMegabytes"] = "1" } };

    public SubmissionPageOversizeTests()
    {
        _app.UseKestrel(0);
        _app.StartServer();
    }

    public void Dispose() => _app.Dispose();


    [Fact]
    public async Task The_page_says_the_file_is_too_large_and_names_the_maximum()
    {
        var w = await SubmissionWorld.CreateAsync(_app);
        var participant = w.Participant();
        var page = WebUtility.HtmlDecode(await (await participant.GetAsync($"/tenders/{w.Tender}/inschrijving")).Content.ReadAsStringAsync());
        Assert.Contains("Ten hoogste 1 MB.", page);
        byte[] document = [.. TestFiles.Pdf("Inschrijving met bijlagen"), .. new byte[2 * 1024 * 1024]];
        var form = TestFiles.Form(document, "inschrijving-groot.pdf", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Portal.PortalForms.TokenIn(page), ["kind"] = "tender",
        });

        var response = await participant.PostAsync($"/tenders/{w.Tender}/inschrijving?handler=Upload", form);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Het bestand is te groot", html);
        Assert.Contains("ten hoogste 1 MB", html);
        Assert.Empty(await w.DbAsync(db => Task.FromResult(db.Documents.Where(d => d.Kind == "submission.tender").ToList())));
    }
}
