using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Submission;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Participation;

namespace TenderFlow.Web.Features.Submission;

/// <summary>
/// Builds the submission view for one reader (API and portal alike): the participant its own; staff (Procurement, Legal,
/// Admin, assigned evaluators) the status, and the content only once the vault is opened and they are content readers —
/// that read is audited. Anyone else gets null.
/// </summary>
public sealed class SubmissionReader(TenderFlowDbContext db, SubmissionWindow window, SubmissionDesk desk, AuditWriter audit, TimeProvider clock)
{
    public static bool IsStaff(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Evaluator);

    public async Task<SubmissionView?> ViewAsync(Tender tender, ClaimsPrincipal user, CancellationToken ct)
    {
        var participant = await SelectedParticipant.IsParticipantAsync(db, tender.Id, user, ct);
        if (!participant && !await IsStaffOfAsync(tender.Id, user, ct))
        {
            return null;
        }
        var submission = await db.TenderSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.TenderId == tender.Id, ct);
        var due = tender.Deadline(SubmissionSeal.DeadlineKey)?.DueAtUtc;
        var opened = await SubmissionSeal.IsOpenedAsync(db, tender.Id, ct);
        var windowOpen = await window.RefuseAsync(db, tender, ct) is null;
        var years = window.BudgetYears(tender);
        var status = submission?.Status.ToString() ?? "NotStarted";
        var passed = due is { } d && clock.GetUtcNow().UtcDateTime >= d;
        if (submission is null)
        {
            return new SubmissionView(tender.Id, status, due, passed, windowOpen, opened, null, years, null, null, participant ? SubmissionCompleteness.Missing(Empty(tender), years, []).Select(m => new MissingPart(m.Nl, m.En)).ToList() : []);
        }
        var access = await SubmissionAccess.DecideAsync(user, submission, db, ct);
        if (access == DocumentAccess.Denied)
        {
            return new SubmissionView(tender.Id, status, due, passed, windowOpen, opened, submission.SubmittedAtUtc, years, null, null, []);
        }
        var documents = await desk.CurrentDocumentsAsync(submission, ct);
        if (access == DocumentAccess.AllowedAndAudited)
        {
            var actor = user.ToActor();
            await audit.WriteAsync(actor.Id, actor.Roles.FirstOrDefault() ?? "", tender.Id,
                [new AuditRecord("submission.read", submission.Owner, new { revision = submission.Revision })], ct);
        }
        var answers = SubmissionAnswers.Of(submission);
        var content = new SubmissionContentView(answers.Budget.Select(l => new BudgetLineView(l.Year, l.AmountEuros)).ToList(), answers.BudgetExplanation,
            answers.ImplementationPlan, answers.ContractStartReady, answers.ReadinessExplanation, documents.Select(DocumentReceipt.From).ToList());
        var receipt = participant && submission.Status == SubmissionStatus.Submitted
            ? new SubmissionReceiptView(submission.Id, submission.SubmittedAtUtc!.Value, content.Documents, submission.AnswersSha256!)
            : null;
        var missing = participant ? SubmissionCompleteness.Missing(submission, years, documents).Select(m => new MissingPart(m.Nl, m.En)).ToList() : [];
        return new SubmissionView(tender.Id, status, due, passed, windowOpen, opened, submission.SubmittedAtUtc, years, content, receipt, missing);
    }

    /// <summary>Staff who follow the submission: Procurement, Legal, Admin, and evaluators assigned to this tender.</summary>
    public async Task<bool> IsStaffOfAsync(Guid tenderId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal) || user.IsInRole(Roles.Admin))
        {
            return true;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return user.IsInRole(Roles.Evaluator) && userId is not null
            && await db.EvaluatorAssignments.AnyAsync(a => a.TenderId == tenderId && a.UserId == userId, ct);
    }

    private static TenderSubmission Empty(Tender tender) => new() { TenderId = tender.Id };
}
