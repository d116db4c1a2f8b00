using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Applications;

/// <summary>Candidates applied on the tender documents as they stood: once applications close, none can be added or replaced.</summary>
public sealed class TenderDocumentsAfterApplicationsTests : ApplicationTestBase
{
    [Fact]
    public async Task After_applications_close_no_tender_document_can_be_replaced()
    {
        await S.CloseApplicationsAsync();

        var response = await App.Procurement().PostAsync($"/api/tenders/{S.Tender}/publication/documents",
            TestFiles.Form(TestFiles.Pdf("Gewijzigde nota"), "nota.pdf", new Dictionary<string, string> { ["kind"] = "guide" }));

        Assert.Equal("PublicationDocumentsClosedRule", (await response.ProblemAsync(409))["rule"]!.GetValue<string>());
    }
}
