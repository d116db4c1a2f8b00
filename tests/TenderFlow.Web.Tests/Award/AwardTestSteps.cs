using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Award;

/// <summary>Steps of the award the tests need, through the API except where another feature's guard stands in the way.</summary>
public static class AwardTestSteps
{
    public const string Reasons = "De inschrijving voldoet op alle vier de kwaliteitscriteria; de aanpak voor trajectregie in Overvecht en Zuidwest is overtuigend.";

    /// <summary>
    /// Puts the tender in the assessment phase by writing the phase directly: the route there (final specification,
    /// submission, quality assessment) belongs to other features and is covered by the lead's end-to-end test.
    /// </summary>
    public static async Task EnterAssessmentAsync(this DialogueWorld world)
    {
        using var scope = world.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var now = world.App.Clock.GetUtcNow().UtcDateTime;
        await db.Tenders.Where(t => t.Id == world.TenderId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Phase, "assessment").SetProperty(t => t.PhaseEnteredAtUtc, now).SetProperty(t => t.Revision, t => t.Revision + 1));
    }

    public static Task<HttpResponseMessage> AnnounceAwardAsync(this HttpClient client, DialogueWorld world, string? reasons = Reasons) =>
        client.PostAsJsonAsync($"/api/tenders/{world.Tender}/award/announce", new { reasons });

    public static Task<HttpResponseMessage> ObjectAsync(this HttpClient client, DialogueWorld world, string decision, string? grounds = "De beoordeling van criterium K2 is onzorgvuldig gemotiveerd.") =>
        client.PostAsJsonAsync($"/api/tenders/{world.Tender}/objections", new { decision, grounds });

    public static async Task<string> FiledAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    public static Task<HttpResponseMessage> AdviseAsync(this HttpClient client, DialogueWorld world, string objection, bool uphold, string reasoning = "Het bezwaar raakt de motivering niet.") =>
        client.PostAsJsonAsync($"/api/tenders/{world.Tender}/objections/{objection}/advice", new { uphold, reasoning });

    public static Task<HttpResponseMessage> ResolveAsync(this HttpClient client, DialogueWorld world, string objection, bool upheld, string reasoning = "Wij nemen het advies over.", string? deviationReason = null) =>
        client.PostAsJsonAsync($"/api/tenders/{world.Tender}/objections/{objection}/resolution", new { upheld, reasoning, deviationReason });

    public static async Task<string> RuleAsync(this HttpResponseMessage response, int status) => (await response.ProblemAsync(status))["rule"]!.GetValue<string>();

    public static async Task AssertGuardAsync(this HttpResponseMessage response, string guard)
    {
        var problem = await response.ProblemAsync(409);
        Assert.Equal("GuardsUnmetRule", problem["rule"]!.GetValue<string>());
        Assert.Contains(problem["unmetGuards"]!.AsArray(), g => g!["guard"]!.GetValue<string>() == guard);
    }
}
