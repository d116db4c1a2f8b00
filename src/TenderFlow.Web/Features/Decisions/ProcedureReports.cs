using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Decisions;

/// <summary>
/// The complete procedure report: the tender, its definition, the phases as they actually ran, the deadlines planned and
/// as they passed, every decision and every document with its hash, and the audit chain head at the moment of printing.
/// Dialogue documents and documents still sealed are counted but not listed: the report leaves the system.
/// </summary>
public sealed class ProcedureReports(TenderFlowDbContext db, TenderHistory history, DefinitionCatalog catalog, DecisionDossiers dossiers)
{
    public async Task<PdfReport> BuildAsync(Tender tender, AuditEvent? chainHead, string language, CancellationToken ct)
    {
        var t = new DecisionRecords.Words(language);
        var workflow = await catalog.ForHashAsync(db, tender.DefinitionHash, ct);
        var events = await history.LoadAsync(tender, workflow, ct);
        var decisions = await dossiers.BuildAsync(tender, ct);
        var blocks = new List<PdfBlock>
        {
            new PdfFacts(
            [
                new(t["Aanbesteding", "Tender"], tender.Title),
                new(t["Kenmerk", "Reference"], tender.Reference),
                new(t["Huidige fase", "Current phase"], workflow.Phase(tender.Phase).Title.For(language)),
                new(t["Uitkomst", "Outcome"], tender.Outcome ?? "—"),
                new(t["Procesdefinitie", "Workflow definition"], DecisionRecords.Definition(decisions.Definition)),
                new(t["Definitie opgeslagen", "Definition snapshot stored"], decisions.Definition.SnapshotStored ? t["ja", "yes"] : t["nee", "no"]),
            ]),
            new PdfHeading(t["Fasen", "Phases"]),
            new PdfTable([t["Fase", "Phase"], t["Begonnen", "Entered"], t["Verlaten", "Left"], t["Via", "By"]],
                Phases(tender, events).Select(p => (IReadOnlyList<string>)[workflow.Phases.FirstOrDefault(d => d.Id == p.Phase)?.Title.For(language) ?? p.Phase,
                    AmsterdamTime.FormatInstant(p.Entered), p.Left is { } left ? AmsterdamTime.FormatInstant(left) : "—",
                    p.Trigger is { } trigger ? workflow.Triggers.FirstOrDefault(x => x.Id == trigger)?.Title.For(language) ?? trigger : "—"]).ToList(), [2, 1.6, 1.6, 1.6]),
            new PdfHeading(t["Termijnen: gepland en werkelijk", "Deadlines: planned and actual"]),
            new PdfTable([t["Termijn", "Deadline"], t["Oorspronkelijk gepland", "Originally planned"], t["Gepland", "Planned"], t["Verstreken (vastgelegd)", "Passed (recorded)"], t["Wijzigingen", "Changes"]],
                Deadlines(tender, workflow, events, language).ToList(), [2.2, 1.6, 1.6, 1.6, 0.9]),
            new PdfHeading(t["Besluiten", "Decisions"]),
        };
        if (decisions.Decisions.Count == 0)
        {
            blocks.Add(new PdfParagraph(t["Er zijn nog geen besluiten genomen.", "No decisions have been taken yet."]));
        }
        foreach (var decision in decisions.Decisions)
        {
            blocks.Add(new PdfHeading($"{decision.Title.For(language)} ({decision.Key}) — {AmsterdamTime.Format(decision.DecidedAtUtc)}"));
            blocks.Add(new PdfParagraph(decision.Summary.For(language)));
            blocks.AddRange(DecisionRecords.Body(decision, t, language));
        }
        blocks.Add(new PdfHeading(t["Alle documenten", "All documents"]));
        var (listed, withheld) = await DocumentsAsync(tender, ct);
        blocks.Add(listed.Count == 0 ? new PdfParagraph(t["Geen documenten.", "No documents."]) : DecisionRecords.DocumentTable(listed, t));
        if (withheld > 0)
        {
            blocks.Add(new PdfParagraph(t[$"{withheld} vertrouwelijke documenten (dialoog, of nog verzegeld) zijn niet in dit verslag opgenomen.",
                $"{withheld} confidential documents (dialogue, or still sealed) are not included in this report."]));
        }
        blocks.Add(new PdfHeading(t["Audittrail", "Audit trail"]));
        blocks.Add(new PdfFacts(
        [
            new(t["Gebeurtenissen van deze aanbesteding", "Events of this tender"], events.Count.ToString(CultureInfo.InvariantCulture)),
            new(t["Kop van de keten bij afdrukken (volgnummer)", "Chain head at print time (sequence)"], chainHead?.Sequence.ToString(CultureInfo.InvariantCulture) ?? "—"),
            new(t["Kop van de keten bij afdrukken (hash)", "Chain head at print time (hash)"], chainHead?.Hash ?? AuditCanonicalForm.GenesisHash),
        ]));
        return new PdfReport($"{t["Procesverslag", "Procedure report"]} — {tender.Reference}", $"TenderFlow — {t["procesverslag", "procedure report"]} {tender.Reference}", blocks);
    }

    private sealed record PhaseSpan(string Phase, DateTime Entered, DateTime? Left, string? Trigger);

    private static IEnumerable<PhaseSpan> Phases(Tender tender, IReadOnlyList<HistoryEvent> events)
    {
        var steps = events.Where(e => e.Event.Action == TenderHistory.StepAction).ToList();
        var entered = tender.CreatedAtUtc;
        string? phase = null;
        foreach (var step in steps)
        {
            using var payload = JsonDocument.Parse(step.Event.PayloadJson);
            var root = payload.RootElement;
            var from = Text(root, "from") ?? step.Phase;
            yield return new PhaseSpan(phase ?? from, entered, step.Event.OccurredAtUtc, Text(root, "trigger"));
            phase = Text(root, "to");
            entered = step.Event.OccurredAtUtc;
        }
        yield return new PhaseSpan(phase ?? tender.Phase, entered, null, null);
    }

    private static IEnumerable<IReadOnlyList<string>> Deadlines(Tender tender, Domain.Workflow.Definitions.WorkflowDefinition workflow, IReadOnlyList<HistoryEvent> events, string language)
    {
        foreach (var deadline in tender.Deadlines.OrderBy(d => d.DueAtUtc ?? DateTime.MaxValue))
        {
            var subject = $"tender/{tender.Id}/deadline/{deadline.Key}";
            var changes = events.Where(e => e.Event.Subject == subject && e.Event.Action is "deadline.rectified" or "deadline.extended").ToList();
            var original = deadline.DueAtUtc;
            if (changes.FirstOrDefault() is { } first)
            {
                using var payload = JsonDocument.Parse(first.Event.PayloadJson);
                original = payload.RootElement.TryGetProperty("oldDueAtUtc", out var old) && old.ValueKind == JsonValueKind.String ? old.GetDateTime() : null;
            }
            var passed = events.FirstOrDefault(e => e.Event.Action == "deadline.passed" && e.Event.Subject == subject);
            yield return [workflow.Deadline(deadline.Key)?.Title.For(language) ?? deadline.Key, Show(original), Show(deadline.DueAtUtc),
                passed is null ? "—" : AmsterdamTime.FormatInstant(passed.Event.OccurredAtUtc), changes.Count.ToString(CultureInfo.InvariantCulture)];
        }
    }

    private async Task<(List<DecisionDocument> Listed, int Withheld)> DocumentsAsync(Tender tender, CancellationToken ct)
    {
        var opened = await db.VaultOpenings.AsNoTracking().Where(o => o.TenderId == tender.Id && o.CompletedAtUtc != null).Select(o => o.Vault).ToListAsync(ct);
        var documents = await db.Documents.AsNoTracking().Where(d => d.TenderId == tender.Id).OrderBy(d => d.UploadedAtUtc)
            .Select(d => new DecisionDocument(d.Id, d.FileName, d.Kind, d.Version, d.SizeBytes, d.Sha256)).ToListAsync(ct);
        var listed = documents.Where(d => !Withheld(d.Kind, opened)).ToList();
        return (listed, documents.Count - listed.Count);
    }

    /// <summary>Dialogue documents are confidential between the parties; a vault's documents stay out until the vault is opened.</summary>
    public static bool Withheld(string kind, IReadOnlyCollection<string> openedVaults) =>
        kind.StartsWith("dialogue.", StringComparison.Ordinal)
        || (kind.StartsWith("selection.", StringComparison.Ordinal) && !openedVaults.Contains("selection"))
        || (kind.StartsWith("submission.", StringComparison.Ordinal) && !openedVaults.Contains("submission"));

    private static string Show(DateTime? utc) => utc is { } u ? AmsterdamTime.Format(u) : "—";

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
