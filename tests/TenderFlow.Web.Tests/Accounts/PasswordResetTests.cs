using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using MimeKit;
using TenderFlow.Web.Tests.Deadlines;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Notifications;
using TenderFlow.Web.Tests.Portal;

namespace TenderFlow.Web.Tests.Accounts;

/// <summary>
/// Someone who forgot their password gets a link by e-mail and sets a new one with it; the portal never says whether an
/// address has an account, and every request and reset is in the audit trail.
/// </summary>
public sealed partial class PasswordResetTests : IDisposable
{
    private const string NewPassword = "Nieuw-Wachtwoord-2027";

    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [GeneratedRegex(@"https?://\S+/Accounts/ResetPassword\?\S+")]
    private static partial Regex LinkPattern();

    private HttpClient Browser() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private MimeMessage[] Mails() => Directory.Exists(_app.MailDirectory())
        ? Directory.GetFiles(_app.MailDirectory(), "*.eml").Select(f => MimeMessage.Load(f)).ToArray()
        : [];

    private async Task<HttpStatusCode> TokenStatusAsync(string user, string password) =>
        (await _app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = user, password })).StatusCode;

    private static string Link(MimeMessage mail) => WebUtility.HtmlDecode(LinkPattern().Match(mail.TextBody ?? "").Value);

    private async Task<string> RequestAsync(string email)
    {
        var (response, html) = await PortalForms.PostAsync(Browser(), "/Accounts/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return html;
    }

    private async Task<(HttpResponseMessage Response, string Html)> ResetAsync(string link, string password, string? repeat = null)
    {
        var path = new Uri(link).PathAndQuery;
        return await PortalForms.PostAsync(Browser(), path,
            new Dictionary<string, string> { ["Input.Password"] = password, ["Input.Repeat"] = repeat ?? password });
    }

    [Fact]
    public async Task A_user_who_forgot_the_password_sets_a_new_one_through_the_mailed_link()
    {
        await _app.Users.EnsureAsync("bea.zorgplus", null, "Bidder");
        var login = await Browser().GetStringAsync("/Accounts/Login");
        Assert.Contains("href=\"/Accounts/ForgotPassword\"", login, StringComparison.Ordinal);

        var answer = await RequestAsync("bea.zorgplus@example.test");

        Assert.Contains("Hoort dit adres bij een TenderFlow-account", answer, StringComparison.Ordinal);
        var mail = Assert.Single(Mails());
        Assert.Equal("bea.zorgplus@example.test", mail.To.Mailboxes.Single().Address);
        Assert.Contains("binnen 2 uur", mail.TextBody, StringComparison.Ordinal);
        var link = Link(mail);
        Assert.StartsWith("http://localhost:5080/Accounts/ResetPassword?email=", link, StringComparison.Ordinal);

        var (response, html) = await ResetAsync(link, NewPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Uw wachtwoord is gewijzigd.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync("bea.zorgplus", NewPassword));
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync("bea.zorgplus", TestUsers.Password));

        // The link works once.
        var (again, againHtml) = await ResetAsync(link, "Nog-Een-Wachtwoord-2027");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Deze link is niet geldig", againHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync("bea.zorgplus", NewPassword));

        var trail = _app.Db(db => db.AuditEvents.Where(e => e.Action.StartsWith("auth.password.")).OrderBy(e => e.Sequence).Select(e => e.Action).ToList());
        Assert.Equal(["auth.password.reset.requested", "auth.password.reset", "auth.password.reset.refused"], trail);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail_but_is_audited()
    {
        await _app.Users.EnsureAsync("bea.zorgplus", null, "Bidder");
        var known = await RequestAsync("bea.zorgplus@example.test");

        var unknown = await RequestAsync("iemand@elders.test");

        Assert.Equal(MainContent(known), MainContent(unknown));
        Assert.Single(Mails());
        Assert.Contains(_app.Db(db => db.AuditEvents.Where(e => e.Action == "auth.password.reset.requested").Select(e => e.PayloadJson).ToList()),
            p => p.Contains("iemand@elders.test", StringComparison.Ordinal) && p.Contains("no account", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_weak_or_mistyped_new_password_or_a_damaged_link_changes_nothing()
    {
        await _app.Users.EnsureAsync("bea.zorgplus", null, "Bidder");
        await RequestAsync("bea.zorgplus@example.test");
        var link = Link(Assert.Single(Mails()));

        var (weak, weakHtml) = await ResetAsync(link, "kort");
        Assert.Contains("Minstens 12 tekens", weakHtml, StringComparison.Ordinal);
        var (mistyped, mistypedHtml) = await ResetAsync(link, NewPassword, NewPassword + "x");
        Assert.Contains("De twee wachtwoorden zijn niet gelijk.", mistypedHtml, StringComparison.Ordinal);
        var (damaged, damagedHtml) = await ResetAsync(link[..^6], NewPassword);
        Assert.Contains("Deze link is niet geldig", damagedHtml, StringComparison.Ordinal);
        var (incomplete, incompleteHtml) = await PortalForms.PostAsync(Browser(), "/Accounts/ResetPassword",
            new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.Repeat"] = NewPassword });
        Assert.Contains("Deze link is niet geldig", incompleteHtml, StringComparison.Ordinal);

        Assert.All(new[] { weak, mistyped, damaged, incomplete }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync("bea.zorgplus", TestUsers.Password));
    }

    [Fact]
    public async Task The_token_API_mails_the_same_link_and_account_confirmation_stays_closed()
    {
        await _app.Users.EnsureAsync("bea.zorgplus", null, "Bidder");

        var forgot = await _app.CreateClient().PostAsJsonAsync("/api/auth/forgotPassword", new { email = "bea.zorgplus@example.test" });

        Assert.Equal(HttpStatusCode.OK, forgot.StatusCode);
        var (response, html) = await ResetAsync(Link(Assert.Single(Mails())), NewPassword);
        Assert.Contains("Uw wachtwoord is gewijzigd.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync("bea.zorgplus", NewPassword));

        var resend = await _app.CreateClient().PostAsJsonAsync("/api/auth/resendConfirmationEmail", new { email = "bea.zorgplus@example.test" });
        Assert.Equal(HttpStatusCode.Forbidden, resend.StatusCode);
        Assert.Single(Mails());
    }

    /// <summary>The page's main content: what the person reads (the layout's antiforgery tokens differ per response).</summary>
    private static string MainContent(string html) => Regex.Match(html, "<main[^>]*>(.*)</main>", RegexOptions.Singleline).Groups[1].Value;
}
