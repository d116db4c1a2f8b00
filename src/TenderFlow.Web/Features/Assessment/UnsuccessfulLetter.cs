using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Features.Notifications;
using TenderFlow.Web.Features.Participation;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Assessment;

/// <summary>
/// When Procurement ends the tender because its quality is insufficient (<c>declareUnsuccessful</c>), the reasoned
/// decision letter — every criterion's consensus judgement with motivation, and the reason given — is generated and the
/// participant notified inside that step's transaction, whoever fires it.
/// </summary>
public sealed class UnsuccessfulLetterDispatch(TenderFlowDbContext db, IQualityAssessmentReport report, DocumentIntake intake, Notifier notifier, AuditTrail audit)
    : IStepFollowUp
{
    public const string Kind = "assessment.unsuccessfulLetter";

    public string Trigger => "declareUnsuccessful";

    public async Task<RuleViolation?> RunAsync(Tender tender, StepOutcome outcome, Actor actor, CancellationToken ct)
    {
        var reason = ReasonOf(outcome) ?? "";
        var judgements = await report.JudgementsAsync(tender.Id, ct);
        var organisations = await SelectedParticipant.OrganisationIdsAsync(db, tender.Id, ct);
        var names = await db.Organisations.Where(o => organisations.Contains(o.Id)).Select(o => o.Name).ToListAsync(ct);
        var now = outcome.AtUtc;
        var letter = Build(tender, string.Join(", ", names), judgements, reason, now);
        using var stream = new MemoryStream(PdfRenderer.Render(letter, now));
        var (document, uploaded) = await intake.RecordGeneratedAsync(db, stream, $"besluit-beeindiging-{tender.Reference}.pdf", DocumentFormat.Pdf,
            new DocumentTarget(tender.Id, $"tender/{tender.Id}", Kind, organisations.Count > 0 ? organisations[0] : null), actor.Id, ct);
        await notifier.NotifyOrganisationsAsync(db, organisations, tender.Id, Kind,
            new($"De gemeente heeft de aanbesteding {tender.Title} beëindigd: de kwaliteit van uw inschrijving is onvoldoende beoordeeld. Lees het besluit in het portaal.",
                $"The municipality has ended the tender {tender.Title}: the quality of your tender was judged insufficient. Read the decision in the portal."),
            $"/api/documents/{document.Id}", ct);
        await audit.AppendAsync(db, actor.Id, outcome.ActingRole, tender.Id,
            [uploaded, new AuditRecord("assessment.unsuccessful.letterSent", $"document/{document.Id}", new { documentId = document.Id, organisations })], ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public static PdfReport Build(Tender tender, string addressee, IReadOnlyList<CriterionJudgement> judgements, string reason, DateTime nowUtc)
    {
        var blocks = new List<PdfBlock>
        {
            new PdfFacts([
                new("Kenmerk", tender.Reference),
                new("Aanbesteding", tender.Title),
                new("Aan", addressee),
                new("Besluit", "Aanbesteding beëindigd: kwaliteit van de inschrijving onvoldoende"),
                new("Datum", AmsterdamTime.Format(nowUtc) + " (Europe/Amsterdam)"),
            ]),
            new PdfParagraph("De beoordelingscommissie heeft uw inschrijving beoordeeld op de kwaliteitscriteria van de definitieve opdrachtomschrijving. "
                + "Omdat de kwaliteit op ten minste één criterium onvoldoende is, beëindigt de gemeente de aanbesteding. Hieronder staat het oordeel per criterium met de motivering."),
            new PdfHeading("Oordeel per criterium"),
            new PdfTable(["Criterium", "Oordeel", "Motivering"],
                judgements.Select(j => (IReadOnlyList<string>)[j.TitleNl, j.Sufficient ? "Voldoende" : "Onvoldoende", j.Motivation]).ToList(), [2, 1.2, 5]),
            new PdfHeading("Reden van het besluit"),
            new PdfParagraph(reason),
            new PdfHeading("Rechtsmiddelen"),
            new PdfParagraph("Bent u het niet eens met dit besluit, dan kunt u binnen 20 kalenderdagen na dagtekening een kort geding aanhangig maken bij de voorzieningenrechter van de rechtbank Midden-Nederland."),
        };
        return new PdfReport($"Besluit beëindiging aanbesteding — {tender.Title}", $"Gemeente Utrecht · {tender.Reference} · besluit beëindiging", blocks);
    }

    /// <summary>The reason the step recorded (the engine's <c>tender.trigger.fired</c> record carries it).</summary>
    private static string? ReasonOf(StepOutcome outcome)
    {
        var fired = outcome.Records.FirstOrDefault(r => r.Action == "tender.trigger.fired");
        if (fired is null)
        {
            return null;
        }
        var payload = JsonSerializer.SerializeToElement(fired.Payload, AuditTrail.PayloadJson);
        return payload.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null;
    }
}

/// <summary>The unsuccessful-tender letter is read by the participant, Procurement and Legal; every read audited.</summary>
public sealed class AssessmentReadPolicy : IDocumentReadPolicy
{
    public string KindPrefix => "assessment.";

    public async Task<DocumentAccess> DecideAsync(DocumentRecord document, ClaimsPrincipal user, TenderFlowDbContext db, CancellationToken cancellationToken)
    {
        if (document.Kind != UnsuccessfulLetterDispatch.Kind)
        {
            return DocumentAccess.Denied;
        }
        return user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal) || await SelectedParticipant.IsParticipantAsync(db, document.TenderId, user, cancellationToken)
            ? DocumentAccess.AllowedAndAudited
            : DocumentAccess.Denied;
    }
}
