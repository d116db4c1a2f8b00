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

    /// <summary>The mails once <paramref name="count"/> have been written: they are sent in the background, after the answer.</summary>
    private async Task<MimeMessage[]> MailsAsync(int count)
    {
        for (var waited = 0; waited < 100 && Mails().Length < count; waited++)
        {
            await Task.Delay(100);
        }
        var mails = Mails();
        Assert.Equal(count, mails.Length);
        return mails;
    }

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
        var mail = Assert.Single(await MailsAsync(1));
        Assert.Equal("bea.zorgplus@example.test", mail.To.Mailboxes.Single().Address);
        Assert.Contains("binnen 2 uur", mail.TextBody, StringComparison.Ordinal);
        var link = Link(mail);
        Assert.StartsWith("http://localhost:5080/Accounts/ResetPassword?email=", link, StringComparison.Ordinal);
        // The sender records the delivery just after the mail server took it: on a loaded machine the test could otherwise
        // follow the link before that record is written (no person is that quick), and the trail's order below would differ.
        for (var waited = 0; waited < 100 && !_app.Db(db => db.AuditEvents.Any(e => e.Action == "auth.password.reset.mailed")); waited++)
        {
            await Task.Delay(100);
        }

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
        Assert.Equal(["auth.password.reset.requested", "auth.password.reset.mailed", "auth.password.reset", "auth.password.reset.refused"], trail);
    }

    [Fact]
    public async Task A_locked_out_user_who_sets_a_new_password_can_log_in_with_it_at_once()
    {
        await _app.Users.EnsureAsync("bea.zorgplus", null, "Bidder");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync("bea.zorgplus", "Fout-Wachtwoord-" + attempt));
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatusAsync("bea.zorgplus", TestUsers.Password));

        await RequestAsync("bea.zorgplus@example.test");
        var (_, html) = await ResetAsync(Link(Assert.Single(await MailsAsync(1))), NewPassword);

        Assert.Contains("Uw wachtwoord is gewijzigd.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync("bea.zorgplus", NewPassword));
        Assert.Contains(_app.Db(db => db.AuditEvents.Where(e => e.Action == "auth.password.reset").Select(e => e.PayloadJson).ToList()),
            p => p.Contains("\"lockoutLifted\":true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail_but_is_audited()
    {
        await _app.Users.EnsureAsync("bea.zorgplus", null, "Bidder");
        var known = await RequestAsync("bea.zorgplus@example.test");

        var unknown = await RequestAsync("iemand@elders.test");

        Assert.Equal(MainContent(known), MainContent(unknown));
        Assert.Single(await MailsAsync(1));
        Assert.Contains(_app.Db(db => db.AuditEvents.Where(e => e.Action == "auth.password.reset.requested").Select(e => e.PayloadJson).ToList()),
            p => p.Contains("iemand@elders.test", StringComparison.Ordinal) && p.Contains("no account", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_weak_or_mistyped_new_password_or_a_damaged_link_changes_nothing()
    {
        await _app.Users.EnsureAsync("bea.zorgplus", null, "Bidder");
        await RequestAsync("bea.zorgplus@example.test");
        var link = Link(Assert.Single(await MailsAsync(1)));

        var (weak, weakHtml) = await ResetAsync(link, "kort");
        Assert.Contains("Minstens 12 tekens", weakHtml, StringComparison.Ordinal);
        var (mistyped, mistypedHtml) = await ResetAsync(link, NewPassword, NewPassword + "x");
        Assert.Contains("De twee wachtwoorden zijn niet gelijk.", mistypedHtml, StringComparison.Ordinal);
        var (damaged, damagedHtml) = await ResetAsync(link[..^6], NewPassword);
        Assert.Contains("Deze link is niet geldig", damagedHtml, StringComparison.Ordinal);
        var (incomplete, incompleteHtml) = await PortalForms.PostAsync(Browser(), "/Accounts/ResetPassword",
            new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.Repeat"] = NewPassword });
        Assert.Contains("Deze link is niet geldig", incompleteHtml, StringComparison.Ordinal);
        var refusalsBefore = _app.Db(db => db.AuditEvents.Count(e => e.Action == "auth.password.reset.refused"));
        var (oversized, oversizedHtml) = await ResetAsync(link.Replace("email=", "email=" + new string('x', 300), StringComparison.Ordinal), NewPassword);
        Assert.Contains("Deze link is niet geldig", oversizedHtml, StringComparison.Ordinal);
        Assert.Equal(refusalsBefore, _app.Db(db => db.AuditEvents.Count(e => e.Action == "auth.password.reset.refused")));

        Assert.All(new[] { weak, mistyped, damaged, incomplete, oversized }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync("bea.zorgplus", TestUsers.Password));
    }

    [Fact]
    public async Task A_password_the_rules_refuse_marks_the_password_field_as_invalid()
    {
        await _app.Users.EnsureAsync("bea.zorgplus", null, "Bidder");
        await RequestAsync("bea.zorgplus@example.test");
        var link = Link(Assert.Single(await MailsAsync(1)));

        var (_, html) = await ResetAsync(link, "kort");

        Assert.Matches("<input[^>]*aria-invalid=\"true\"[^>]*name=\"Input.Password\"|<input[^>]*name=\"Input.Password\"[^>]*aria-invalid=\"true\"", html);
        Assert.Matches("id=\"password-error\"[^>]*>Minstens 12 tekens", html);
        Assert.DoesNotMatch("<input[^>]*name=\"Input.Repeat\"[^>]*aria-invalid", html);
    }

    [Fact]
    public async Task The_link_goes_to_the_stored_address_not_to_the_one_typed()
    {
        await _app.Users.EnsureAsync("lisa.inkoop", null, "Procurement");

        // Typed differently, the address still finds the account (lookups are normalised); the mail goes to what the
        // administrator stored, so a look-alike that normalises to the same account could never receive the link.
        await RequestAsync("  LISA.Inkoop@EXAMPLE.test ");

        var mail = Assert.Single(await MailsAsync(1));
        Assert.Equal("lisa.inkoop@example.test", mail.To.Mailboxes.Single().Address);
        Assert.Contains("email=lisa.inkoop%40example.test", Link(mail), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_API_does_not_reset_passwords_or_change_addresses_the_portal_s_pages_do()
    {
        var user = await _app.Users.EnsureAsync("bea.zorgplus", null, "Bidder");
        var anonymous = _app.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.PostAsJsonAsync("/api/auth/forgotPassword", new { email = "bea.zorgplus@example.test" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.PostAsJsonAsync("/api/auth/resetPassword",
            new { email = "bea.zorgplus@example.test", resetCode = "x", newPassword = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.PostAsJsonAsync("/api/auth/resendConfirmationEmail", new { email = "bea.zorgplus@example.test" })).StatusCode);
        var signedIn = await _app.Users.ClientAsync("bea.zorgplus", null, "Bidder");
        var changeAddress = await signedIn.PostAsJsonAsync("/api/auth/manage/info",
            new { newEmail = "bea@elders.test", newPassword = NewPassword, oldPassword = TestUsers.Password });
        Assert.Equal("EmailChangedByAdministratorRule", (await changeAddress.ProblemAsync(403))["title"]!.GetValue<string>());

        Assert.Empty(Mails());
        Assert.Equal(HttpStatusCode.OK, await TokenStatusAsync("bea.zorgplus", TestUsers.Password));
        Assert.Equal("bea.zorgplus@example.test", _app.Db(db => db.Users.Single(u => u.Id == user.Id).Email));
    }

    [Fact]
    public async Task An_account_gets_at_most_three_reset_mails_an_hour_and_the_fourth_request_is_audited_as_throttled()
    {
        await _app.Users.EnsureAsync("bea.zorgplus", null, "Bidder");

        for (var i = 0; i < 4; i++)
        {
            Assert.Contains("Hoort dit adres bij een TenderFlow-account", await RequestAsync("bea.zorgplus@example.test"), StringComparison.Ordinal);
        }

        await MailsAsync(3);
        Assert.Single(_app.Db(db => db.AuditEvents.Where(e => e.Action == "auth.password.reset.requested").Select(e => e.PayloadJson).ToList()),
            p => p.Contains("throttled", StringComparison.Ordinal));
        _app.Clock.Advance(TimeSpan.FromHours(1));
        await RequestAsync("bea.zorgplus@example.test");
        await MailsAsync(4);
    }

    [Fact]
    public async Task Requests_from_one_address_beyond_the_limit_get_a_429_page_and_write_nothing()
    {
        var client = Browser();
        HttpResponseMessage? last = null;
        for (var i = 0; i <= TenderFlow.Web.Features.Accounts.PasswordResetLimits.RequestsPerWindow; i++)
        {
            // Only the posts count: the form itself may be opened as often as needed.
            (last, _) = await PortalForms.PostAsync(client, "/Accounts/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = $"iemand{i}@elders.test" });
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Contains("<h1>Te veel verzoeken</h1>", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(TenderFlow.Web.Features.Accounts.PasswordResetLimits.RequestsPerWindow,
            _app.Db(db => db.AuditEvents.Count(e => e.Action == "auth.password.reset.requested")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Accounts/ForgotPassword")).StatusCode);
    }

    /// <summary>The page's main content: what the person reads (the layout's antiforgery tokens differ per response).</summary>
    private static string MainContent(string html) => Regex.Match(html, "<main[^>]*>(.*)</main>", RegexOptions.Singleline).Groups[1].Value;
}
