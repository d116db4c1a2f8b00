using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Seed;

namespace TenderFlow.Web.Tests.Publication;

public sealed class PublicationDemoSeedTests(SeededDemo demo) : IClassFixture<SeededDemo>
{
    [Fact]
    public async Task The_demo_tender_has_the_published_guideline_of_the_nota_van_uitgangspunten()
    {
        var buyer = await demo.ClientAsync("inkoper");
        var tender = (await buyer.GetArrayAsync("/api/tenders")).Single()!["id"]!.GetValue<string>();

        var guideline = await buyer.GetJsonAsync($"/api/tenders/{tender}/guideline");

        Assert.NotNull(guideline["publishedAtUtc"]);
        Assert.False(guideline["frozen"]!.GetValue<bool>());
        Assert.Equal(["G1", "G2", "G3", "G4"], guideline["requirements"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()));
        Assert.Equal([40, 35, 25], guideline["criteria"]!.AsArray().Select(c => c!["weightPercent"]!.GetValue<int>()));
        Assert.Contains("beweging naar voren", guideline["criteria"]![0]!["titleNl"]!.GetValue<string>());
        Assert.Equal(6, guideline["criteria"]![0]!["descriptors"]!.AsArray().Count);
    }
}
