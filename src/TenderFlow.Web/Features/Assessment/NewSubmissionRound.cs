using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Submission;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Notifications;
using TenderFlow.Web.Features.Participation;
using TenderFlow.Web.Features.Submission;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Assessment;

/// <summary>
/// <c>returnToDialogue</c> starts a new submission round, in the step's transaction: the first round's four-eyes opening,
/// judgements and consensus are superseded (kept on record, no longer opening or deciding anything), and a submitted
/// tender goes back to draft, so the participant submits anew and nobody reads the new round's tender before its own
/// deadline and its own opening.
/// </summary>
public sealed class NewSubmissionRound(TenderFlowDbContext db, AuditTrail audit, Notifier notifier) : IStepFollowUp
{
    public const string Action = "submission.round.superseded";
    public const string NotificationKind = "submission.newRound";

    public string Trigger => "returnToDialogue";

    public async Task<RuleViolation?> RunAsync(Tender tender, StepOutcome outcome, Actor actor, CancellationToken ct)
    {
        var now = outcome.AtUtc;
        var openings = await db.VaultOpenings.Where(o => o.TenderId == tender.Id && o.Vault == SubmissionSeal.Vault).ToListAsync(ct);
        var judgements = await db.QualityJudgements.Where(j => j.TenderId == tender.Id).ToListAsync(ct);
        var consensus = await db.QualityConsensus.Where(c => c.TenderId == tender.Id).ToListAsync(ct);
        openings.ForEach(o => o.SupersededAtUtc = now);
        judgements.ForEach(j => j.SupersededAtUtc = now);
        consensus.ForEach(c => c.SupersededAtUtc = now);
        var submission = await db.TenderSubmissions.SingleOrDefaultAsync(s => s.TenderId == tender.Id, ct);
        var wasSubmitted = submission?.Status == SubmissionStatus.Submitted;
        if (submission is not null && wasSubmitted)
        {
            submission.Status = SubmissionStatus.Draft;
            submission.SubmittedAtUtc = null;
            submission.AnswersSha256 = null;
            submission.UpdatedAtUtc = now;
            submission.Revision++;
            await notifier.NotifyOrganisationsAsync(db, await SelectedParticipant.OrganisationIdsAsync(db, tender.Id, ct), tender.Id, NotificationKind,
                new($"De gemeente zet de dialoog over {tender.Title} voort. Uw inschrijving is weer een concept: dien in de nieuwe ronde opnieuw in vóór de nieuwe termijn.",
                    $"The municipality continues the dialogue on {tender.Title}. Your tender is a draft again: submit it anew in the new round before the new deadline."),
                $"/tenders/{tender.Id}/inschrijving", ct);
        }
        await audit.AppendAsync(db, actor.Id, outcome.ActingRole, tender.Id,
            [new AuditRecord(Action, $"tender/{tender.Id}", new
            {
                openings = openings.Select(o => o.Id),
                judgements = judgements.Count,
                consensus = consensus.Count,
                submissionId = submission?.Id,
                submissionReturnedToDraft = wasSubmitted,
            })], ct);
        await db.SaveChangesAsync(ct);
        return null;
    }
}
