using System.Net;
using System.Text.RegularExpressions;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Applications;

/// <summary>The portal page without script: the upload form posts to the page handler, with the same checks and receipts.</summary>
public sealed partial class ApplicationPageTests() : ApplicationTestBase(new TenderFlowFactory { Settings = { ["Documents:MaxUploadMegabytes"] = "1" } })
{

    private async Task<HttpResponseMessage> PostUploadAsync(HttpClient client, string application, byte[] bytes, string fileName, string kind = "vision")
    {
        var page = await (await client.GetAsync($"/tenders/{S.Tender}/application")).Content.ReadAsStringAsync();
        var token = Portal.PortalForms.TokenIn(page);
        var form = TestFiles.Form(bytes, fileName, new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["applicationId"] = application, ["kind"] = kind });
        return await client.PostAsync($"/tenders/{S.Tender}/application?handler=Upload", form);
    }

    [Theory]
    [InlineData("exe", "visie.pdf", "Dit bestandstype wordt niet geaccepteerd")]
    [InlineData("pdf", "../../etc/visie.pdf", "De bestandsnaam verwijst naar een andere map")]
    [InlineData("oversize", "visie.pdf", "Het bestand is groter dan 1 MB")]
    public async Task Bad_files_through_the_page_show_the_reason_and_store_nothing(string content, string fileName, string message)
    {
        var lead = S.Zorgplus1();
        lead.DefaultRequestHeaders.AcceptLanguage.Clear();
        var application = await S.CreateAsync(lead);
        var bytes = content switch { "exe" => TestFiles.Executable(), "oversize" => [.. TestFiles.Pdf(), .. new byte[1024 * 1024]], _ => TestFiles.Pdf() };
        var response = await PostUploadAsync(lead, application, bytes, fileName);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\" id=\"page-error\">" + message, html);
        Assert.Equal(0, S.Db(db => db.Documents.Count()));
    }

    [Fact]
    public async Task A_good_file_through_the_page_shows_its_receipt()
    {
        var application = await S.CreateAsync(S.Zorgplus1());
        // Redirects are followed by hand: the test client drops the bearer header on a redirect.
        var lead = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        lead.DefaultRequestHeaders.Authorization = new("Bearer", await App.Users.TokenAsync("bo.zorgplus", S.Zorgplus, "Bidder"));
        var bytes = TestFiles.Pdf("Visie via het portaal");
        var response = await PostUploadAsync(lead, application, bytes, "visie.pdf");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches("receipt=[0-9a-f-]{36}", response.Headers.Location!.OriginalString);
        var receipt = await (await lead.GetAsync(response.Headers.Location)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"receipt\"", receipt);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), receipt);
    }

    [Fact]
    public async Task Another_bidder_sees_only_its_own_application_page()
    {
        var application = await S.CompleteAsync(S.Zorgplus1(), S.Zorgplus, "Utrechtse Combinatie");
        var outsider = S.Outsider1();
        var page = await (await outsider.GetAsync($"/tenders/{S.Tender}/application")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Utrechtse Combinatie", page);
        Assert.DoesNotContain("visie.pdf", page);
        var own = await (await S.Zorgplus1().GetAsync($"/tenders/{S.Tender}/application")).Content.ReadAsStringAsync();
        Assert.Contains("Utrechtse Combinatie", own);
        // A page handler aimed at someone else's application finds nothing.
        var token = Portal.PortalForms.TokenIn(page);
        var withdraw = await outsider.PostAsync($"/tenders/{S.Tender}/application?handler=Withdraw",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["applicationId"] = application }));
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.Equal("Draft", S.Db(db => db.Applications.Single().Status.ToString()));
    }
}
