using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Portal;

namespace TenderFlow.Web.Tests.Audit;

/// <summary>Legal checks the chain against an anchor it kept, in the portal, without the command line.</summary>
public sealed class AuditPageAnchorTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(HttpClient Lawyer, string Page)> TenderAuditPageAsync()
    {
        var procurement = _app.Procurement();
        var tender = await procurement.CreateTenderAsync();
        await procurement.FireAsync(tender.Id(), "cancel", "geen budget");
        var lawyer = await PortalForms.SignedInAsync(_app, "lotte.jurist", "Legal");
        return (lawyer, $"/tenders/{tender.Id()}/audit");
    }

    private static async Task<string> HtmlAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        return WebUtility.HtmlDecode(html);
    }

    [Fact]
    public async Task The_page_shows_the_anchor_to_keep_and_confirms_it_while_the_chain_holds_it()
    {
        var (lawyer, page) = await TenderAuditPageAsync();
        var head = ChainForgery.Head(_app.ConnectionString);

        Assert.Contains($"<code id=\"anchor-to-keep\" class=\"anchor\">{head}</code>", await HtmlAsync(lawyer, page));
        await _app.Procurement().CreateTenderAsync();
        Assert.Contains($"De keten bevat anker {head} nog steeds.", await HtmlAsync(lawyer, $"{page}?anchor={head}"));
    }

    [Fact]
    public async Task Roles_are_named_in_the_readers_language()
    {
        var (lawyer, page) = await TenderAuditPageAsync();

        Assert.Contains("<td>Inkoop (Procurement)</td>", await HtmlAsync(lawyer, page));
        Assert.Contains("<td>Procurement</td>", await HtmlAsync(lawyer, page + "?culture=en"));
    }

    [Fact]
    public async Task A_time_changed_into_something_no_event_holds_shows_the_broken_chain_instead_of_an_error_page()
    {
        var (lawyer, page) = await TenderAuditPageAsync();
        _ = ChainForgery.SetValue(_app.ConnectionString, 2, "OccurredAtUtc", "not a date");

        var html = await HtmlAsync(lawyer, page);

        Assert.Contains("De auditketen is VERBROKEN bij gebeurtenis 2: OccurredAtUtc kan niet worden gelezen", html);
        Assert.DoesNotContain("cannot be read", html);
        Assert.Contains("De gebeurtenissen van deze aanbesteding kunnen niet worden getoond", html);
        Assert.DoesNotContain("De auditketen is intact", html);
    }

    [Fact]
    public async Task A_rewrite_with_recomputed_hashes_is_an_alert_instead_of_intact_and_names_no_hash()
    {
        var (lawyer, page) = await TenderAuditPageAsync();
        var head = ChainForgery.Head(_app.ConnectionString);
        ChainForgery.RewriteFrom(_app.ConnectionString, 2, "user:someone-else");
        var rewrittenHead = ChainForgery.Head(_app.ConnectionString).Split(':')[1];

        var html = await HtmlAsync(lawyer, $"{page}?anchor={head}");

        Assert.DoesNotContain("De auditketen is intact", html);
        Assert.Contains($"De keten bevat anker {head} niet meer: gebeurtenis {head.Split(':')[0]} heeft een andere hash. Het anker is verkeerd overgenomen, of de keten tot en met die gebeurtenis is herschreven.", html);
        Assert.Contains("De keten klopt op zichzelf", html);
        // Procurement may read this page too: it says that a hash differs, never what is stored now; and the forged head is
        // not offered as the next anchor to keep.
        Assert.DoesNotContain(rewrittenHead, html);
        Assert.DoesNotContain("anchor-to-keep", html);
    }

    [Fact]
    public async Task Events_cut_off_the_end_are_shown_as_an_alert()
    {
        var (lawyer, page) = await TenderAuditPageAsync();
        var head = ChainForgery.Head(_app.ConnectionString);
        ChainForgery.CutTail(_app.ConnectionString, 1);

        var html = await HtmlAsync(lawyer, $"{page}?anchor={head}");

        Assert.Contains($"De keten bevat anker {head} niet meer: de keten eindigt bij gebeurtenis {long.Parse(head.Split(':')[0]) - 1}, dus er zijn gebeurtenissen aan het eind verwijderd.", html);
    }

    [Fact]
    public async Task Something_that_is_not_an_anchor_is_marked_on_the_field_with_the_reason()
    {
        var (lawyer, page) = await TenderAuditPageAsync();

        var html = await HtmlAsync(lawyer, $"{page}?anchor=12:abc");

        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"anchor-error\"", html);
        Assert.Contains("<span id=\"anchor-error\" class=\"field-error\">Een anker is een volgnummer", html);
        Assert.Contains("value=\"12:abc\"", html);
        Assert.Contains("<div class=\"notice notice-error\" role=\"alert\" id=\"anchor-error-summary\">", html);
        Assert.Contains("<a href=\"#anchor\">", html);
        Assert.DoesNotContain("id=\"anchor-result\"", html);
    }

    [Fact]
    public async Task The_page_says_when_the_daily_anchor_last_went_out_and_warns_when_it_stopped()
    {
        var (lawyer, page) = await TenderAuditPageAsync();
        Assert.DoesNotContain("id=\"daily-anchor\"", await HtmlAsync(lawyer, page));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<AuditAnchorMail>().SendIfDueAsync(CancellationToken.None));
        }
        var sentAt = Domain.Time.AmsterdamTime.ToLocal(_app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd HH:mm");

        Assert.Contains($"<p id=\"daily-anchor\">Het laatste dagelijkse anker is op {sentAt} per e-mail naar de juristen gestuurd.</p>", await HtmlAsync(lawyer, page));

        // A quiet weekend: nothing written, so no anchor is due and none is missed.
        _app.Clock.Advance(TimeSpan.FromHours(51));
        var later = await PortalForms.SignedInAsync(_app, "lotte.jurist", "Legal");
        Assert.Contains("<p id=\"daily-anchor\">", await HtmlAsync(later, page));

        await _app.Procurement().CreateTenderAsync();
        _app.Clock.Advance(TimeSpan.FromHours(51));
        later = await PortalForms.SignedInAsync(_app, "lotte.jurist", "Legal");
        var overdue = await HtmlAsync(later, page);
        Assert.Contains("<div class=\"notice notice-error\" role=\"alert\" id=\"daily-anchor\">", overdue);
        Assert.Contains($"De dagelijkse ankermail is sinds {sentAt} niet meer verstuurd", overdue);
    }

    [Fact]
    public async Task A_trail_older_than_two_days_without_any_daily_anchor_is_an_alert()
    {
        var (_, page) = await TenderAuditPageAsync();
        _app.Clock.Advance(TimeSpan.FromHours(51));

        var html = await HtmlAsync(await PortalForms.SignedInAsync(_app, "lotte.jurist", "Legal"), page);

        Assert.Contains("<div class=\"notice notice-error\" role=\"alert\" id=\"daily-anchor\">", html);
        Assert.Contains("Er is nog geen dagelijkse ankermail verstuurd: de jobserver draait niet of de taak mislukt.", html);
    }

    [Fact]
    public async Task A_broken_chain_shows_its_break_and_no_anchor_form_or_anchor_error()
    {
        var (lawyer, page) = await TenderAuditPageAsync();
        ChainForgery.ChangeActor(_app.ConnectionString, 2);

        var html = await HtmlAsync(lawyer, $"{page}?anchor=not-an-anchor");

        Assert.Contains("De auditketen is VERBROKEN bij gebeurtenis 2: de inhoud past niet bij de hash: de gebeurtenis is na het wegschrijven veranderd", html);
        Assert.DoesNotContain("content does not match", html);
        Assert.DoesNotContain("anchor-error-summary", html);
        Assert.DoesNotContain("id=\"anchor\"", html);
        Assert.DoesNotContain("anchor-to-keep", html);
    }
}
