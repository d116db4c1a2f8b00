using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Dialogue;

/// <summary>One DialogueWorld per test class (it costs ~12 s), with a partner invited to exactly one theme ("A").</summary>
public sealed class DialogueFixture : IAsyncLifetime
{
    public const string PartnerName = "pia.wijkteam";

    public TenderFlowFactory App { get; } = new();
    public DialogueWorld World { get; private set; } = null!;
    public string Api => $"/api/tenders/{World.Tender}/dialogue";
    public string PartnerId { get; private set; } = "";
    public string ThemeA { get; private set; } = "";
    public string ThemeB { get; private set; } = "";

    public async Task InitializeAsync()
    {
        World = await DialogueWorld.CreateAsync(App);
        PartnerId = (await App.Users.EnsureAsync(PartnerName, null, "Partner")).Id;
        var themes = await App.Procurement().GetArrayAsync($"{Api}/themes");
        ThemeA = themes[0]!["id"]!.GetValue<string>();
        ThemeB = themes[1]!["id"]!.GetValue<string>();
        var invited = await App.Procurement().PostAsJsonAsync($"{Api}/themes/{ThemeA}/partners", new { userId = PartnerId });
        Assert.Equal(HttpStatusCode.NoContent, invited.StatusCode);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    public HttpClient Partner() => World.Partner(PartnerName);

    public async Task<string> CreatedIdAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    public async Task<string> MeetingAsync(HttpClient client, string theme)
    {
        var response = await client.PostAsJsonAsync($"{Api}/themes/{theme}/meetings",
            new { startsAt = new DateTimeOffset(2027, 6, 1, 10, 0, 0, TimeSpan.FromHours(2)), location = "Stadskantoor Utrecht, zaal 4.12", agenda = "Gedeelde benadering" });
        return await CreatedIdAsync(response);
    }

    public async Task<string> MinutesAsync(HttpClient client, string meeting)
    {
        var response = await client.PostAsync($"{Api}/meetings/{meeting}/minutes", TestFiles.Form(TestFiles.Pdf("Verslag overleg"), "verslag.pdf"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!["documentId"]!.GetValue<string>();
    }

    public async Task<List<JsonNode>> AuditAsync(string action) =>
        (await App.Legal().GetArrayAsync($"/api/tenders/{World.Tender}/audit")).Where(e => e!["action"]!.GetValue<string>() == action).Select(e => e!).ToList();
}
