using System.Globalization;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Web.Features.Documents.Pdf;

namespace TenderFlow.Web.Features.Decisions;

/// <summary>The printable record of one decision (selection, award, objection outcome, deadline change), in Dutch or English.</summary>
public static class DecisionRecords
{
    public static PdfReport Decision(TenderDecisions tender, Decision decision, string language)
    {
        var t = new Words(language);
        var blocks = new List<PdfBlock>
        {
            new PdfFacts(
            [
                new(t["Aanbesteding", "Tender"], $"{tender.Title} ({tender.Reference})"),
                new(t["Besluit", "Decision"], decision.Title.For(language)),
                new(t["Sleutel", "Key"], decision.Key),
                new(t["Datum", "Date"], AmsterdamTime.Format(decision.DecidedAtUtc) + " (Europe/Amsterdam)"),
                new(t["Status", "Status"], decision.Status?.For(language) ?? "—"),
                new(t["Procesdefinitie", "Workflow definition"], Definition(decision.Definition)),
            ]),
            new PdfHeading(t["Wat is besloten", "What was decided"]),
            new PdfParagraph(decision.Summary.For(language)),
        };
        blocks.AddRange(Body(decision, t, language));
        return new PdfReport($"{t["Besluitverslag", "Decision record"]} — {decision.Title.For(language)}",
            $"TenderFlow — {tender.Reference} — {decision.Key}", blocks);
    }

    /// <summary>Reasons, people, documents and audit events of a decision: shared by the decision record and the procedure report.</summary>
    public static IEnumerable<PdfBlock> Body(Decision decision, Words t, string language)
    {
        yield return new PdfHeading(t["Motivering", "Reasons"]);
        if (decision.Reasons.Count == 0)
        {
            yield return new PdfParagraph("—");
        }
        foreach (var reason in decision.Reasons)
        {
            yield return new PdfParagraph($"{reason.Label.For(language)}: {reason.Text.For(language)}");
        }
        yield return new PdfHeading(t["Betrokkenen", "People involved"]);
        yield return new PdfTable([t["Naam", "Name"], t["Hoedanigheid", "Capacity"], t["Rol", "Role"], t["Organisatie", "Organisation"]],
            decision.People.Select(p => (IReadOnlyList<string>)[p.Name, p.Capacity.For(language), PortalText.Roles(p.Role, language), p.Organisation ?? "—"]).ToList(), [2, 2.5, 1.3, 2]);
        yield return new PdfHeading(t["Documenten", "Documents"]);
        if (decision.Documents.Count == 0)
        {
            yield return new PdfParagraph(t["Geen documenten.", "No documents."]);
        }
        else
        {
            yield return DocumentTable(decision.Documents, t);
        }
        yield return new PdfHeading(t["Vastgelegd in de audittrail", "Recorded in the audit trail"]);
        yield return new PdfTable(["#", t["Actie", "Action"], t["Tijd", "Time"], "SHA-256"],
            decision.Events.Select(e => (IReadOnlyList<string>)[e.Sequence.ToString(CultureInfo.InvariantCulture), e.Action, AmsterdamTime.FormatInstant(e.OccurredAtUtc), e.Hash]).ToList(),
            [0.7, 2.3, 1.6, 4]);
    }

    public static PdfTable DocumentTable(IEnumerable<DecisionDocument> documents, Words t) =>
        new([t["Bestand", "File"], t["Soort", "Kind"], t["Versie", "Version"], "SHA-256"],
            documents.Select(d => (IReadOnlyList<string>)[d.FileName, d.Kind, d.Version.ToString(CultureInfo.InvariantCulture), d.Sha256]).ToList(), [2.5, 2, 0.8, 4]);

    public static string Definition(DecisionDefinition definition) =>
        $"{definition.Id} v{definition.Version.ToString(CultureInfo.InvariantCulture)} — SHA-256 {definition.Hash}";

    /// <summary>Picks the Dutch or the English wording of a fixed text.</summary>
    public sealed class Words(string language)
    {
        public string Language => language;

        public string this[string nl, string en] => new LocalizedText(nl, en).For(language);
    }
}
