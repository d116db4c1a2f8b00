using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Portal;

public sealed class SecurityHeaderTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/Accounts/Login")]
    [InlineData("/api/tenders")]
    [InlineData("/health")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await _app.CreateClient().GetAsync(url);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scriptSrc);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task The_portal_has_no_inline_scripts()
    {
        var html = await _app.CreateClient().GetStringAsync("/Accounts/Login");
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html);
        Assert.DoesNotMatch("\\son[a-z]+=\"", html);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site_strict()
    {
        await _app.Users.EnsureAsync("ada.admin", null, "Admin");
        var (response, _) = await PortalForms.PostAsync(_app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }),
            "/Accounts/Login", new Dictionary<string, string> { ["Input.UserName"] = "ada.admin", ["Input.Password"] = TestUsers.Password });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("TenderFlow.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(null, "c=en|uic=en")]
    [InlineData("c=nl|uic=nl", null)]
    public async Task Signing_in_takes_the_accounts_language_unless_this_browser_chose_one(string? chosen, string? expectedCookie)
    {
        var user = await _app.Users.EnsureAsync("emma.english", null, "Procurement");
        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<TenderFlow.Web.Features.Accounts.TenderFlowUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            stored.PreferredLanguage = "en";
            await users.UpdateAsync(stored);
        }
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (chosen is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture={Uri.EscapeDataString(chosen)}");
        }
        var page = await client.GetAsync("/Accounts/Login");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("TenderFlow.Antiforgery", StringComparison.Ordinal));
        var token = Portal.PortalForms.TokenIn(await page.Content.ReadAsStringAsync());
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Accounts/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = "emma.english", ["Input.Password"] = TestUsers.Password, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", string.Join("; ", antiforgery.Concat(chosen is null ? [] : [$".AspNetCore.Culture={Uri.EscapeDataString(chosen)}"])));

        var response = await client.SendAsync(post);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var culture = response.Headers.GetValues("Set-Cookie").SingleOrDefault(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Equal(expectedCookie is null ? null : $".AspNetCore.Culture={Uri.EscapeDataString(expectedCookie)}", culture?.Split(';')[0]);
    }
}
