using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Evaluation;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Features.Notifications;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Evaluation;

/// <summary>
/// Generates and sends every candidate's selection decision letter, with the standstill end the announce step just planned,
/// inside that step's transaction: however the decision is announced, letters and phase change stand or fall together.
/// </summary>
public sealed class SelectionLetterDispatch(TenderFlowDbContext db, EvaluationReads reads, DocumentIntake intake, Notifier notifier, AuditTrail audit)
    : IStepFollowUp
{
    public string Trigger => SelectionDecisions.AnnounceTrigger;

    public async Task<RuleViolation?> RunAsync(Tender tender, StepOutcome outcome, Actor actor, CancellationToken ct)
    {
        var tenderId = tender.Id;
        var standstill = tender.Deadline(SelectionDecisions.StandstillDeadline)?.DueAtUtc
            ?? throw new InvalidOperationException($"Entering {tender.Phase} did not plan {SelectionDecisions.StandstillDeadline}.");
        var ranking = await reads.BuildRankingAsync(tender, ct);
        var selection = await db.CandidateSelections.AsNoTracking().SingleAsync(s => s.TenderId == tenderId, ct);
        if (SelectionDecisions.Outdated(ranking, selection) is { } outdated)
        {
            return outdated;
        }
        var selected = ranking.Rows.Single(r => r.Candidate.ApplicationId == selection.ApplicationId);
        var requirements = await reads.RequirementsAsync(tenderId, ct);
        var now = outcome.AtUtc;
        var records = new List<AuditRecord>();
        foreach (var row in ranking.Rows)
        {
            var content = await ContentAsync(reads, tender, ranking, row, selected, requirements, standstill, selection.Reason, ct);
            var pdf = PdfRenderer.Render(SelectionLetterBuilder.Build(content, "nl"), now);
            var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == row.Candidate.ApplicationId, ct);
            using var stream = new MemoryStream(pdf);
            var (document, uploaded) = await intake.RecordGeneratedAsync(db, stream, $"selectiebeslissing-{tender.Reference}.pdf", DocumentFormat.Pdf,
                new DocumentTarget(tenderId, SelectionDecisions.Owner(application.Id), SelectionDecisions.LetterKind, application.LeadOrganisationId), actor.Id, ct);
            var isSelected = row == selected;
            db.SelectionLetters.Add(new SelectionLetter
            {
                Id = Guid.NewGuid(), TenderId = tenderId, ApplicationId = application.Id, DocumentId = document.Id,
                Selected = isSelected, StandstillEndUtc = standstill, SentAtUtc = now,
            });
            var members = application.OrganisationIds;
            await notifier.NotifyOrganisationsAsync(db, members, tenderId, SelectionDecisions.LetterKind,
                new($"De selectiebeslissing voor {tender.Title} is bekend: u bent {(isSelected ? "geselecteerd" : "niet geselecteerd")}. Lees de brief in het portaal.",
                    $"The selection decision for {tender.Title} has been announced: you have {(isSelected ? "been selected" : "not been selected")}. Read the letter in the portal."),
                $"/tenders/{tenderId}/beoordeling/brief?applicationId={application.Id}", ct);
            records.Add(uploaded);
            records.Add(new AuditRecord("evaluation.letter.sent", $"application/{application.Id}",
                new { documentId = document.Id, selected = isSelected, standstillEndUtc = standstill, organisations = members }));
        }
        records.Add(new AuditRecord("evaluation.selection.announced", $"application/{selection.ApplicationId}",
            new { letters = ranking.Rows.Count, standstillEndUtc = standstill }));
        await audit.AppendAsync(db, actor.Id, outcome.ActingRole, tenderId, records, ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public static async Task<LetterContent> ContentAsync(EvaluationReads reads, Tender tender, RankingView ranking, RankingRow row, RankingRow selected,
        IReadOnlyList<RequirementView> requirements, DateTime standstill, string? selectionReason, CancellationToken ct)
    {
        var judgements = new Dictionary<Guid, IReadOnlyList<JudgementView>>
        {
            [row.Candidate.ApplicationId] = await reads.JudgementsAsync(row.Candidate.ApplicationId, ct),
            [selected.Candidate.ApplicationId] = await reads.JudgementsAsync(selected.Candidate.ApplicationId, ct),
        };
        // The reason goes to every candidate, so only where the choice needs one (a lot, a deviation); a note beside a
        // sole rank 1 could describe a candidate passed over.
        var departs = selected.Rank != 1 || selected.Tied;
        return new LetterContent(tender, ranking.Criteria, row, selected, requirements, judgements, standstill, departs ? selectionReason : null);
    }
}
