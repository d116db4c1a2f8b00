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
}
