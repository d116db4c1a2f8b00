using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Decisions;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Procedure;

/// <summary>
/// Every export and printed record of the demo tender, fetched in every phase, searched byte for byte for the dialogue's
/// confidential content; the open-data outputs (OCDS, the public page) also for the sealed tender and the other candidate's scores.
/// </summary>
public sealed class NoConfidentialStringInExportsTests : IDisposable
{
    private readonly DemoProcedure _procedure = new();

    [Fact]
    public async Task No_export_in_any_phase_contains_a_confidential_string()
    {
        var leaks = new List<string>();
        var fetched = 0;
        await _procedure.RunAsync(async phase =>
        {
            var legal = _procedure.Client("jurist");
            var reference = (await legal.GetJsonAsync(_procedure.Api))["reference"]!.GetValue<string>();
            var anonymous = _procedure.App.CreateClient();
            var open = new List<(string Name, HttpClient Client, string Url)>
            {
                ("OCDS release package", legal, $"{_procedure.Api}/ocds"),
                ("OCDS record package", legal, $"{_procedure.Api}/ocds/record"),
                ("OCDS anonymous", anonymous, $"{_procedure.Api}/ocds"),
                ("public page", anonymous, $"/openbaar/{reference}"),
            };
            var records = new List<(string Name, HttpClient Client, string Url)>
            {
                ("audit export", legal, $"{_procedure.Api}/audit/export"),
                ("audit export with documents", legal, $"{_procedure.Api}/audit/export?documents=true"),
                ("procedure report", legal, $"{_procedure.Api}/records/procedure-report.pdf"),
            };
            foreach (var decision in (await legal.GetJsonAsync($"{_procedure.Api}/decisions"))["decisions"]!.AsArray())
            {
                var key = decision!["key"]!.GetValue<string>();
                records.Add(($"decision {key}", legal, $"{_procedure.Api}/records/decisions/{key}.pdf"));
            }
            foreach (var (name, client, url) in open)
            {
                await SearchAsync(phase, name, client, url, DemoProcedure.ConfidentialMarkers);
            }
            foreach (var (name, client, url) in records)
            {
                await SearchAsync(phase, name, client, url, DemoProcedure.DialogueMarkers);
            }
            // A PDF's text is written as glyph numbers, so its bytes alone prove little: search the text of the same reports.
            foreach (var (name, text) in await PrintedTextsAsync())
            {
                leaks.AddRange(DemoProcedure.DialogueMarkers.Where(m => text.Contains(m, StringComparison.Ordinal)).Select(m => $"{phase}: {name} text contains {m}"));
                fetched++;
            }
        });

        Assert.True(fetched > 60, $"only {fetched} outputs fetched");
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));

        async Task SearchAsync(string phase, string name, HttpClient client, string url, IEnumerable<string> markers)
        {
            using var response = await client.GetAsync(url);
            if (!response.IsSuccessStatusCode)
            {
                // Before publication the public outputs do not exist yet; every other output must answer.
                Assert.True(client.DefaultRequestHeaders.Authorization is null && phase == "consultation",
                    $"{phase}: {name} ({url}) answered {(int)response.StatusCode}");
                return;
            }
            var bytes = await response.Content.ReadAsByteArrayAsync();
            fetched++;
            foreach (var marker in markers)
            {
                if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)) >= 0)
                {
                    leaks.Add($"{phase}: {name} ({url}) contains {marker}");
                }
            }
        }
    }

    private async Task<List<(string Name, string Text)>> PrintedTextsAsync()
    {
        using var scope = _procedure.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var tender = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == _procedure.TenderId);
        var decisions = await scope.ServiceProvider.GetRequiredService<DecisionDossiers>().BuildAsync(tender, CancellationToken.None);
        var texts = new List<(string, string)>();
        foreach (var language in new[] { "nl", "en" })
        {
            texts.Add(($"procedure report ({language})",
                (await scope.ServiceProvider.GetRequiredService<ProcedureReports>().BuildAsync(tender, null, language, CancellationToken.None)).PlainText()));
            texts.AddRange(decisions.Decisions.Select(d => ($"decision {d.Key} ({language})", DecisionRecords.Decision(decisions, d, language).PlainText())));
        }
        return texts;
    }

    public void Dispose() => _procedure.Dispose();
}
