using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Portal;

/// <summary>
/// A person in the portal who meets an error gets a page in their language with the site's navigation, not an empty
/// response or the API's JSON; the API keeps answering with ProblemDetails.
/// </summary>
public sealed class StatusPageTests : IDisposable
{
    private const string FailingPortalPath = "/test-kapot";
    private const string FailingApiPath = "/api/test-kapot";

    private readonly TenderFlowFactory _app = new() { ExtraServices = s => s.AddSingleton<IStartupFilter>(new FailingPaths()) };

    public void Dispose() => _app.Dispose();

    /// <summary>A signed-in person's browser: an anonymous one is sent to the log-in page for any address it may not know of.</summary>
    private async Task<HttpClient> Browser(string language)
    {
        var client = await PortalForms.SignedInAsync(_app, "anna.inkoper", "Procurement");
        client.DefaultRequestHeaders.Add("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        // The portal is Dutch unless the person chose English (remembered in the culture cookie); Accept-Language does not decide it.
        client.DefaultRequestHeaders.Add("Accept-Language", "en-GB,en;q=0.9");
        client.DefaultRequestHeaders.Add("Cookie", $"{CookieRequestCultureProvider.DefaultCookieName}={Uri.EscapeDataString(CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)))}");
        return client;
    }

    [Theory]
    [InlineData("nl", "Pagina niet gevonden")]
    [InlineData("en", "Page not found")]
    public async Task An_unknown_portal_address_is_a_404_page_in_the_reader_s_language(string lang, string heading)
    {
        var response = await (await Browser(lang)).GetAsync("/aanbestedingen/bestaat-niet");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<html lang=\"{lang}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<title>{heading}", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal);
        // Switching the language comes back to the address that was asked for, not to the status page.
        Assert.Contains("name=\"returnUrl\" value=\"/aanbestedingen/bestaat-niet\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task An_unknown_address_is_the_same_404_page_for_any_method(string method)
    {
        var response = await (await Browser("nl")).SendAsync(new HttpRequestMessage(new HttpMethod(method), "/aanbestedingen/bestaat-niet"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Pagina niet gevonden</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_a_400_page_that_says_to_reload()
    {
        var anonymous = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        anonymous.DefaultRequestHeaders.Add("Accept-Language", "nl");
        var response = await anonymous.PostAsync("/Accounts/Login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = "anna.inkoper", ["Input.Password"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Het formulier kon niet worden verwerkt</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Laad de pagina opnieuw", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_in_the_portal_is_a_500_page_with_a_code_to_quote_and_no_internals()
    {
        var response = await (await Browser("nl")).GetAsync(FailingPortalPath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Er ging iets mis</h1>", html, StringComparison.Ordinal);
        Assert.Matches("<code>[0-9a-f-]{20,}</code>", html);
        Assert.DoesNotContain(FailingPaths.Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        // What failed may be the database or the antiforgery cookie: the page needs neither (no inbox count, no forms).
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        Assert.DoesNotContain("notifications-link", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_keeps_answering_errors_with_ProblemDetails()
    {
        var missing = await (await Browser("nl")).GetAsync("/api/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        var failing = await (await Browser("nl")).GetAsync(FailingApiPath);
        Assert.Equal(HttpStatusCode.InternalServerError, failing.StatusCode);
        Assert.Equal("application/problem+json", failing.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(FailingPaths.Secret, await failing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_error_page_is_not_an_address_of_its_own_that_answers_200()
    {
        var response = await (await Browser("nl")).GetAsync("/fout/404");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Two addresses that throw, behind the app's own error handling (added after its endpoints).</summary>
    private sealed class FailingPaths : IStartupFilter
    {
        public const string Secret = "connection string with a password";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext http, RequestDelegate rest) =>
                http.Request.Path == FailingPortalPath || http.Request.Path == FailingApiPath
                    ? throw new InvalidOperationException(Secret)
                    : rest(http));
        };
    }
}
