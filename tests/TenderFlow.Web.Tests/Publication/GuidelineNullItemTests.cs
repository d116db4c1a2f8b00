using System.Text;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Questions;

namespace TenderFlow.Web.Tests.Publication;

/// <summary>The guideline's request types live in the Domain assembly; a null in their lists is refused as in every other request.</summary>
public sealed class GuidelineNullItemTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    // A nested list names its item relative to its object (descriptors[0]): the check runs when that object is read.
    [Theory]
    [InlineData("{\"requirements\":[null],\"criteria\":[]}", "requirements[0]")]
    [InlineData("{\"requirements\":[],\"criteria\":[null]}", "criteria[0]")]
    [InlineData("{\"requirements\":[],\"criteria\":[{\"code\":\"K1\",\"titleNl\":\"Visie\",\"weightPercent\":100,\"scaleMin\":0,\"scaleMax\":10,\"descriptors\":[null]}]}", "descriptors[0]")]
    public async Task A_null_item_in_the_guideline_is_a_400_naming_it_and_nothing_is_saved(string body, string item)
    {
        var world = await new QaWorld(_app).StartAsync(publish: false);

        var response = await world.Procurement.PutAsync($"/api/tenders/{world.Tender}/guideline", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(400);
        Assert.Equal("InvalidRequestRule", problem["rule"]!.GetValue<string>());
        Assert.True(problem.ToJsonString().Contains(item), problem.ToJsonString());
        Assert.DoesNotContain((await _app.Legal().GetArrayAsync($"/api/tenders/{world.Tender}/audit")).Select(e => e!["action"]!.GetValue<string>()), a => a == "guideline.saved");
    }

    public void Dispose() => _app.Dispose();
}
