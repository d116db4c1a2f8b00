using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Api;

/// <summary>
/// The API accepts the portal's cookie as well as a bearer token. SameSite=Strict keeps other sites' forms out, but not a
/// sibling host of the same site, so a cookie-signed-in write to /api must carry the antiforgery token as the portal's own
/// script sends it (the RequestVerificationToken header). A bearer client has no ambient credential and needs none.
/// </summary>
public sealed partial class CookieAntiforgeryTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();


    private async Task<HttpClient> CookieSessionAsync(string userName, params string[] roles)
    {
        await _app.Users.EnsureAsync(userName, null, roles);
        var client = _app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = userName, password = TestUsers.Password });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>The token a portal page hands this session (every page has one, in its language form).</summary>
    private static async Task<string> PortalTokenAsync(HttpClient session)
    {
        var page = await session.GetStringAsync("/");
        var token = Portal.PortalForms.TokenIn(page);
        Assert.NotEmpty(token);
        return token;
    }

    private static HttpRequestMessage Post(string url, string? token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }
        return request;
    }

    private async Task<string> PublishedTenderAsync(HttpClient bearer)
    {
        var tender = await bearer.CreateTenderAsync(deadlines: new
        {
            publication = _app.PublicationSoon(), applicationsClose = "2027-04-15T12:00:00+02:00", contractStart = "2028-06-01T00:00:00+02:00",
        });
        _app.PassPublication();
        Assert.True((await bearer.FireAsync(tender.Id(), "publish")).IsSuccessStatusCode);
        return tender.Id();
    }

    [Fact]
    public async Task A_cookie_session_announcing_without_the_token_is_refused_and_nothing_is_announced()
    {
        var tender = await PublishedTenderAsync(_app.Procurement());
        var session = await CookieSessionAsync("anna.inkoper", "Procurement");

        var refused = await session.SendAsync(Post($"/api/tenders/{tender}/announce", token: null));
        Assert.Equal("AntiforgeryRule", (await refused.ProblemAsync(400))["title"]!.GetValue<string>());
        var forged = await session.SendAsync(Post($"/api/tenders/{tender}/announce", token: "not-a-token"));
        Assert.Equal("AntiforgeryRule", (await forged.ProblemAsync(400))["title"]!.GetValue<string>());
        Assert.Null((await _app.Procurement().GetJsonAsync($"/api/tenders/{tender}"))["announcedAtUtc"]);

        var announced = await session.SendAsync(Post($"/api/tenders/{tender}/announce", await PortalTokenAsync(session)));
        Assert.Equal(HttpStatusCode.OK, announced.StatusCode);
        Assert.NotNull((await _app.Procurement().GetJsonAsync($"/api/tenders/{tender}"))["announcedAtUtc"]);
    }

    [Fact]
    public async Task A_cookie_session_creating_a_tender_needs_the_token_a_bearer_client_does_not()
    {
        var session = await CookieSessionAsync("anna.inkoper", "Procurement");
        var body = new { definitionId = "sas-dialogue", reference = "UTR-CSRF-01", title = "Specialistische begeleiding Wmo 2027" };

        var refused = await session.SendAsync(Post("/api/tenders", token: null, JsonContent.Create(body)));
        Assert.Equal("AntiforgeryRule", (await refused.ProblemAsync(400))["title"]!.GetValue<string>());
        var formEncoded = await session.SendAsync(Post("/api/tenders", token: null, new FormUrlEncodedContent(new Dictionary<string, string> { ["definitionId"] = "sas-dialogue" })));
        Assert.Equal("AntiforgeryRule", (await formEncoded.ProblemAsync(400))["title"]!.GetValue<string>());
        Assert.Empty(await _app.Procurement().GetArrayAsync("/api/tenders"));

        var created = await session.SendAsync(Post("/api/tenders", await PortalTokenAsync(session), JsonContent.Create(body)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var bearer = await _app.Procurement().PostAsJsonAsync("/api/tenders", body with { reference = "UTR-CSRF-02" });
        Assert.Equal(HttpStatusCode.Created, bearer.StatusCode);
        Assert.Equal(2, (await _app.Procurement().GetArrayAsync("/api/tenders")).Count);
    }

    [Fact]
    public async Task Signing_in_again_with_an_open_session_needs_no_token()
    {
        var session = await CookieSessionAsync("anna.inkoper", "Procurement");
        var again = await session.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = "anna.inkoper", password = TestUsers.Password });
        Assert.True(again.IsSuccessStatusCode, await again.Content.ReadAsStringAsync());
    }
}
