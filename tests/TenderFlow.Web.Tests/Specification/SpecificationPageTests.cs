using System.Net;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Portal;

namespace TenderFlow.Web.Tests.Specification;

/// <summary>The specification page's forms after a refusal: what was typed and chosen stays, and the error points at its field.</summary>
public sealed class SpecificationPageTests
{
    [Fact]
    public async Task A_refused_request_for_changes_stays_a_request_for_changes_with_its_comment()
    {
        using var app = new TenderFlowFactory();
        var world = await SpecificationWorld.CreateAsync(app);
        await world.DraftAsync();
        var legal = await PortalForms.SignedInAsync(app, "lea.jurist", "Legal");
        var url = $"/tenders/{world.Tender}/opdrachtomschrijving?handler=Review";

        var (response, html) = await PortalForms.PostAsync(legal, url, new Dictionary<string, string> { ["version"] = "1", ["decision"] = "changes", ["comment"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("<input[^>]*id=\"decision-changes\"[^>]*checked", html);
        Assert.DoesNotMatch("<input[^>]*id=\"decision-approve\"[^>]*checked", html);
        Assert.Matches("<textarea[^>]*id=\"review-comment\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"page-error\"", html);

        // Refused for another reason (not the latest version): the comment typed is still there.
        (response, html) = await PortalForms.PostAsync(legal, url, new Dictionary<string, string> { ["version"] = "7", ["decision"] = "changes", ["comment"] = "Neem de wachttijdnorm op." });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Matches("<textarea[^>]*id=\"review-comment\"[^>]*>Neem de wachttijdnorm op.</textarea>", html);
        Assert.Matches("<input[^>]*id=\"decision-changes\"[^>]*checked", html);
        Assert.Equal(0, world.Db(db => db.SpecificationReviews.Count(r => r.TenderId == world.Dialogue.TenderId)));
    }
}
