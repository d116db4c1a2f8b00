using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Portal;

/// <summary>Posts portal forms as a signed-in person would, antiforgery token included.</summary>
public static partial class PortalForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>The antiforgery token a portal page carries in its forms.</summary>
    public static string TokenIn(string html) => TokenPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"expectedRevision\" value=\"([0-9]+)\"")]
    private static partial Regex RevisionPattern();

    public static async Task<HttpClient> SignedInAsync(TenderFlowFactory app, string user, params string[] roles)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.Users.TokenAsync(user, null, roles));
        return client;
    }

    public static async Task<(HttpResponseMessage Response, string Html)> PostAsync(HttpClient client, string url, IDictionary<string, string> fields)
    {
        var page = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        var form = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", TokenIn(page)) };
        // As a browser does: the revision the page showed goes with the form, unless the test sends its own.
        if (!fields.ContainsKey("expectedRevision") && RevisionPattern().Match(page) is { Success: true } revision)
        {
            form.Add(new("expectedRevision", revision.Groups[1].Value));
        }
        var response = await client.PostAsync(url, new FormUrlEncodedContent(form));
        return (response, await response.Content.ReadAsStringAsync());
    }
}
