using System.Net;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Portal;

/// <summary>The tender page's step form, posted as a browser would and as a tampered or truncated form would.</summary>
public sealed class FireFormTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData("abc")]
    [InlineData("99999999999999999999999")]
    public async Task A_step_form_without_a_readable_revision_is_refused_and_takes_no_step(string? revision)
    {
        var tender = await _app.Procurement().CreateTenderAsync();
        var buyer = await PortalForms.SignedInAsync(_app, "anna.inkoper", "Procurement");
        var fields = new Dictionary<string, string> { ["trigger"] = "cancel", ["reason"] = "Geen budget meer" };
        if (revision is not null)
        {
            fields["expectedRevision"] = revision;
        }

        var response = await Authorization.MatrixWorld.PostFormAsync(buyer, $"/tenders/{tender.Id()}?handler=Fire", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Dit formulier is niet compleet aangekomen", WebUtility.HtmlDecode(html));
        Assert.Equal("consultation", (await _app.Procurement().GetJsonAsync($"/api/tenders/{tender.Id()}")).Phase());
    }

    [Fact]
    public async Task The_form_as_the_page_sends_it_takes_the_step()
    {
        var tender = await _app.Procurement().CreateTenderAsync();
        var buyer = await PortalForms.SignedInAsync(_app, "anna.inkoper", "Procurement");

        var (response, _) = await PortalForms.PostAsync(buyer, $"/tenders/{tender.Id()}?handler=Fire", new Dictionary<string, string> { ["trigger"] = "cancel", ["reason"] = "Geen budget meer" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("cancelled", (await _app.Procurement().GetJsonAsync($"/api/tenders/{tender.Id()}")).Phase());
    }

    [Fact]
    public async Task A_refused_reason_is_marked_at_its_field_linked_from_the_summary_and_kept()
    {
        var tender = await _app.Procurement().CreateTenderAsync();
        var buyer = await PortalForms.SignedInAsync(_app, "anna.inkoper", "Procurement");
        var typed = new string('x', 4001);

        var (response, raw) = await PortalForms.PostAsync(buyer, $"/tenders/{tender.Id()}?handler=Fire", new Dictionary<string, string> { ["trigger"] = "cancel", ["reason"] = typed });
        var html = WebUtility.HtmlDecode(raw);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#reason-cancel\">", html);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"reason-cancel-error\">" + typed + "</textarea>", html);
        Assert.Contains("<span class=\"field-error\" id=\"reason-cancel-error\">De reden is langer dan 4000 tekens.</span>", html);
        Assert.Equal("consultation", (await _app.Procurement().GetJsonAsync($"/api/tenders/{tender.Id()}")).Phase());
    }
}
