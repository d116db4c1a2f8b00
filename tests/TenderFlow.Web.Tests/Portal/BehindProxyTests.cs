using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Portal;

/// <summary>
/// Production sends its cookies over HTTPS only. Behind a reverse proxy that ends TLS the app itself is reached over
/// http, so it must believe the proxy's X-Forwarded-Proto, which the README's setting switches on.
/// </summary>
public sealed class BehindProxyTests
{
    private static TenderFlowFactory Production(bool forwardedHeaders) => new()
    {
        Settings = forwardedHeaders
            ? new() { ["environment"] = "Production", ["FORWARDEDHEADERS_ENABLED"] = "true" }
            : new() { ["environment"] = "Production" },
    };

    private static HttpClient Browser(TenderFlowFactory app, bool viaTlsProxy)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (viaTlsProxy)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        }
        return client;
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_with_forwarded_headers_on_the_sign_in_page_works_and_its_cookie_is_secure()
    {
        using var app = Production(forwardedHeaders: true);

        var response = await Browser(app, viaTlsProxy: true).GetAsync("/Accounts/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("TenderFlow.Antiforgery=", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Over_plain_http_the_sign_in_page_is_a_readable_error_not_a_cookie_sent_in_clear_text()
    {
        using var app = Production(forwardedHeaders: true);

        var response = await Browser(app, viaTlsProxy: false).GetAsync("/Accounts/Login");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("TenderFlow.Antiforgery=", StringComparison.Ordinal)));
        Assert.Contains("<h1>Er ging iets mis</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_setting_a_forwarded_header_is_not_believed()
    {
        using var app = Production(forwardedHeaders: false);

        var response = await Browser(app, viaTlsProxy: true).GetAsync("/Accounts/Login");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }
}

public sealed class TransportAdviceTests
{
    private static IConfiguration Config(bool forwarded) => Config(forwarded ? "true" : null);

    private static IConfiguration Config(string? forwarded) => new ConfigurationBuilder()
        .AddInMemoryCollection(forwarded is null ? [] : new Dictionary<string, string?> { ["FORWARDEDHEADERS_ENABLED"] = forwarded }).Build();

    private static IHostEnvironment Environment(string name) => new HostingEnvironment { EnvironmentName = name };

    [Fact]
    public void A_production_instance_on_plain_http_without_forwarded_headers_is_warned_about()
    {
        Assert.Contains("ASPNETCORE_FORWARDEDHEADERS_ENABLED=true", Web.Hosting.TransportAdvice.For(Environment("Production"), Config(false), ["http://0.0.0.0:8080"]));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("yes")]
    [InlineData("false")]
    public void A_value_ASP_NET_Core_does_not_read_as_true_is_warned_about_not_a_crash(string value)
    {
        Assert.NotNull(Web.Hosting.TransportAdvice.For(Environment("Production"), Config(value), ["http://0.0.0.0:8080"]));
    }

    [Theory]
    [InlineData("Production", true, "http://0.0.0.0:8080")]
    [InlineData("Production", false, "https://0.0.0.0:8443")]
    [InlineData("Development", false, "http://localhost:5080")]
    public void Nothing_is_said_where_signing_in_works(string environment, bool forwarded, string address)
    {
        Assert.Null(Web.Hosting.TransportAdvice.For(Environment(environment), Config(forwarded), [address]));
    }
}
