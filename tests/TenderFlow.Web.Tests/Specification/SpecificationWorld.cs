using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Data;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Specification;

/// <summary>A DialogueWorld taken to the final specification: themes settled in the database (the dialogue workspace is another feature) and the dialogue concluded.</summary>
public sealed class SpecificationWorld(DialogueWorld dialogue)
{
    public const string WaivedKey = "digitalisation";

    public DialogueWorld Dialogue { get; } = dialogue;
    public TenderFlowFactory App => Dialogue.App;
    public string Tender => Dialogue.Tender;
    public string Api => $"/api/tenders/{Tender}/specification";

    public static async Task<SpecificationWorld> CreateAsync(TenderFlowFactory app, bool conclude = true)
    {
        var world = new SpecificationWorld(await DialogueWorld.CreateAsync(app));
        if (conclude)
        {
            await world.SettleThemesAsync();
            await world.ConcludeDialogueAsync();
        }
        return world;
    }

    /// <summary>Every theme closed with an agreed outcome, except digitalisation, which is waived with a reason.</summary>
    public Task SettleThemesAsync() => DbAsync(async db =>
    {
        var themes = db.DialogueThemes.Where(t => t.TenderId == Dialogue.TenderId).OrderBy(t => t.Key).ToList();
        foreach (var theme in themes)
        {
            theme.Status = DialogueThemeStatus.Closed;
            theme.AgreedOutcome = $"Afgesproken uitkomst voor {theme.TitleNl}: de uitvoeringspartner werkt wijkgericht in alle tien wijken.";
        }
        var waived = themes.Single(t => t.Key == WaivedKey);
        waived.Status = DialogueThemeStatus.Waived;
        waived.AgreedOutcome = null;
        waived.WaiverReason = "Komt terug in de contractfase.";
        await db.SaveChangesAsync();
    });

    public async Task ConcludeDialogueAsync()
    {
        var response = await App.Procurement().FireAsync(Tender, "concludeDialogue");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public T Db<T>(Func<TenderFlowDbContext, T> query)
    {
        using var scope = App.Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>());
    }

    public async Task DbAsync(Func<TenderFlowDbContext, Task> work)
    {
        using var scope = App.Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>());
    }

    public async Task<JsonObject> DraftAsync()
    {
        var response = await App.Procurement().PostAsync($"{Api}/draft", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Saves the latest version with one section's text replaced.</summary>
    public async Task<HttpResponseMessage> SaveWithTextAsync(JsonObject version, int section, string text, int? basedOn = null)
    {
        var sections = version["sections"]!.AsArray().Select((s, i) => new
        {
            themeId = s!["themeId"]?.GetValue<Guid?>(),
            heading = s["heading"]!.GetValue<string>(),
            text = i == section ? text : s["text"]!.GetValue<string>(),
        }).ToList();
        return await App.Procurement().PutAsJsonAsync(Api, new
        {
            introduction = version["introduction"]!.GetValue<string>(), sections, basedOnVersion = basedOn ?? version["number"]!.GetValue<int>(),
        });
    }

    public Task<HttpResponseMessage> ReviewAsync(int version, bool approve, string? comment = null) =>
        App.Legal().PostAsJsonAsync($"{Api}/review", new { version, approve, comment });

    public static async Task<JsonObject> CreatedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<string> RuleAsync(HttpResponseMessage response, int status) => (await response.ProblemAsync(status))["rule"]!.GetValue<string>();

    public static async Task NoContentAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
