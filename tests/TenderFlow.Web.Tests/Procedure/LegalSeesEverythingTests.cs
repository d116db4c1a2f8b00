using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Procedure;

/// <summary>The lawyer reads every part of the demo procedure, confidential parts included, in the phase they happen and afterwards.</summary>
public sealed class LegalSeesEverythingTests : IDisposable
{
    private readonly DemoProcedure _procedure = new();

    [Fact]
    public async Task Legal_reads_the_dialogue_every_document_and_the_whole_trail()
    {
        var dialogueSeen = false;
        await _procedure.RunAsync(async phase =>
        {
            if (phase != "dialogue")
            {
                return;
            }
            var legal = _procedure.Client("jurist");
            var themes = await legal.GetArrayAsync($"{_procedure.Api}/dialogue/themes");
            Assert.Equal(12, themes.Count);
            var texts = new List<string>();
            foreach (var theme in themes)
            {
                texts.Add((await legal.GetJsonAsync($"{_procedure.Api}/dialogue/themes/{theme!["id"]}")).ToJsonString());
            }
            var all = string.Concat(texts);
            Assert.Contains(DemoProcedure.PartnerMessageMarker, all, StringComparison.Ordinal);
            Assert.Contains(DemoProcedure.ParticipantMessageMarker, all, StringComparison.Ordinal);
            dialogueSeen = true;
        });
        Assert.True(dialogueSeen);

        using var scope = _procedure.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var documents = await db.Documents.AsNoTracking().Where(d => d.TenderId == _procedure.TenderId).ToListAsync();
        Assert.Contains(documents, d => d.Kind.StartsWith("dialogue.", StringComparison.Ordinal));
        Assert.Contains(documents, d => d.Kind.StartsWith("submission.", StringComparison.Ordinal));
        var lawyer = _procedure.Client("jurist");
        var refused = new List<string>();
        foreach (var document in documents)
        {
            using var response = await lawyer.GetAsync($"/api/documents/{document.Id}");
            if (!response.IsSuccessStatusCode)
            {
                refused.Add($"{document.Kind} v{document.Version} {document.FileName}: {(int)response.StatusCode}");
                continue;
            }
            Assert.Equal(document.Sha256, Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync())));
        }
        Assert.True(refused.Count == 0, "Legal was refused: " + string.Join("; ", refused));

        var trail = await lawyer.GetArrayAsync($"{_procedure.Api}/audit");
        Assert.Equal(await db.AuditEvents.CountAsync(e => e.TenderId == _procedure.TenderId), trail.Count);
    }

    public void Dispose() => _procedure.Dispose();
}
