using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using MimeKit;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Tests.Deadlines;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Notifications;
using TenderFlow.Web.Tests.Portal;

namespace TenderFlow.Web.Tests.Admin;

/// <summary>
/// The e-mail address alone decides who can reset an account's password, so an administrator can correct it: the change is
/// audited (old and new address), ends the person's sessions and tokens, and the old address no longer gets a reset link.
/// </summary>
public sealed class UserEmailChangeTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static Dictionary<string, string> Form(string email, string roles = "Legal") => new()
    {
        ["Input.Email"] = email, ["Input.DisplayName"] = "Bea Jurist", ["Input.Language"] = "nl", ["Input.Roles"] = roles,
    };

    private Task<HttpClient> AdminAsync() => PortalForms.SignedInAsync(_app, "ada.admin", "Admin");

    private MimeMessage[] Mails() => Directory.Exists(_app.MailDirectory())
        ? Directory.GetFiles(_app.MailDirectory(), "*.eml").Select(f => MimeMessage.Load(f)).ToArray()
        : [];

    private async Task<MimeMessage> SingleMailAsync()
    {
        for (var waited = 0; waited < 100 && Mails().Length == 0; waited++)
        {
            await Task.Delay(100);
        }
        return Assert.Single(Mails());
    }

    private async Task ForgotPasswordAsync(string email)
    {
        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (response, _) = await PortalForms.PostAsync(browser, "/Accounts/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_administrator_corrects_an_address_the_change_is_audited_and_only_the_new_address_can_reset_the_password()
    {
        var bea = await _app.Users.EnsureAsync("bea.jurist", null, "Legal");
        var bearer = _app.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _app.Users.TokenAsync("bea.jurist", null, "Legal"));
        var session = _app.CreateClient();
        Assert.True((await session.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = "bea.jurist", password = TestUsers.Password })).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/audit/verify")).StatusCode);

        var (changed, html) = await PortalForms.PostAsync(await AdminAsync(), $"/admin/users/edit/{bea.Id}", Form("  bea@juristen.example  "));
        Assert.True(changed.StatusCode == HttpStatusCode.Redirect, html);

        var stored = _app.Db(db => db.Users.Single(u => u.Id == bea.Id));
        Assert.Equal("bea@juristen.example", stored.Email);
        Assert.Equal("BEA@JURISTEN.EXAMPLE", stored.NormalizedEmail);
        Assert.True(stored.EmailConfirmed);
        var audited = Assert.Single(await _app.Legal().GetArrayAsync("/api/audit/events?action=user.email.changed"));
        Assert.Equal($"user/{bea.Id}", audited!["subject"]!.GetValue<string>());
        Assert.Equal("Admin", audited["actorRole"]!.GetValue<string>());
        Assert.Equal("bea.jurist@example.test", audited["payload"]!["from"]!.GetValue<string>());
        Assert.Equal("bea@juristen.example", audited["payload"]!["to"]!.GetValue<string>());

        _app.Clock.Advance(IdentitySetup.SessionRecheckInterval + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/audit/verify")).StatusCode);

        await ForgotPasswordAsync("bea.jurist@example.test");
        Assert.Contains(_app.Db(db => db.AuditEvents.Where(e => e.Action == "auth.password.reset.requested").Select(e => e.PayloadJson).ToList()),
            p => p.Contains("no account with this confirmed address", StringComparison.Ordinal));
        await ForgotPasswordAsync("bea@juristen.example");
        var mail = await SingleMailAsync();
        Assert.Equal("bea@juristen.example", mail.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task A_taken_or_invalid_address_is_a_field_error_and_nothing_changes()
    {
        var bea = await _app.Users.EnsureAsync("bea.jurist", null, "Legal");
        await _app.Users.EnsureAsync("tom.jurist", null, "Legal");
        var admin = await AdminAsync();

        foreach (var (email, message) in new[]
                 {
                     ("TOM.JURIST@example.test", "This email address is already in use."),
                     ("geen-adres", "Enter a valid email address."),
                     ("", "Enter an email address."),
                 })
        {
            var (refused, html) = await PortalForms.PostAsync(admin, $"/admin/users/edit/{bea.Id}?culture=en", Form(email, "Procurement"));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(html));
            Assert.Matches("<input[^>]*aria-invalid=\"true\"[^>]*name=\"Input.Email\"|<input[^>]*name=\"Input.Email\"[^>]*aria-invalid=\"true\"", html);
        }

        var stored = _app.Db(db => db.Users.Single(u => u.Id == bea.Id));
        Assert.Equal("bea.jurist@example.test", stored.Email);
        Assert.Empty(await _app.Legal().GetArrayAsync("/api/audit/events?action=user.email.changed"));
        Assert.Empty(await _app.Legal().GetArrayAsync("/api/audit/events?action=user.role.added"));
    }

    [Fact]
    public async Task The_address_a_user_was_created_with_is_in_the_audit_trail()
    {
        var (created, html) = await PortalForms.PostAsync(await AdminAsync(), "/admin/users/edit", new Dictionary<string, string>
        {
            ["Input.UserName"] = "jan.jurist", ["Input.Email"] = "jan@example.test", ["Input.DisplayName"] = "Jan de Jurist",
            ["Input.Language"] = "nl", ["Input.Roles"] = "Legal", ["Input.Password"] = "Juridisch-Sterk-2027",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, html);

        var audited = Assert.Single(await _app.Legal().GetArrayAsync("/api/audit/events?action=user.created"));
        Assert.Equal("jan@example.test", audited!["payload"]!["email"]!.GetValue<string>());
    }
}
