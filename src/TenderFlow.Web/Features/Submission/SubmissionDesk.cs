using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Input;
using TenderFlow.Domain.Submission;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Participation;

namespace TenderFlow.Web.Features.Submission;

/// <summary>
/// Every change the participant makes to its tender: one transaction each, checked against the submission window
/// (server clock, phase) and the caller being the selected participant, audited in the same transaction. Audit payloads
/// carry ids, kinds, sizes and hashes only — staff read the audit trail while the vault is sealed.
/// A change to a submitted tender returns it to draft: the vault then holds nothing until it is submitted again. A save
/// that changes nothing (the same answers, the same file as the current version of that kind) is no change: it writes
/// nothing and a submitted tender stays submitted.
/// </summary>
public sealed class SubmissionDesk(TenderFlowDbContext db, SubmissionWindow window, DocumentIntake intake, AuditTrail audit, TimeProvider clock)
{
    public Task<RuleViolation?> SaveAnswersAsync(Guid tenderId, ClaimsPrincipal user, SubmissionAnswersRequest request, CancellationToken ct) =>
        ChangeAsync(tenderId, user, (tender, submission, _) =>
        {
            if (Check(request, window.BudgetYears(tender)) is { } invalid)
            {
                return Task.FromResult(Change.Refused(invalid));
            }
            var before = SubmissionAnswers.Of(submission).Canonical();
            submission.BudgetJson = SubmissionAnswers.BudgetToJson((request.Budget ?? []).Select(l => new BudgetLine(l.Year!.Value, decimal.Round(l.AmountEuros!.Value, 2))));
            submission.BudgetExplanation = Clean(request.BudgetExplanation);
            submission.ImplementationPlan = Clean(request.ImplementationPlan);
            submission.ContractStartReady = request.ContractStartReady;
            submission.ReadinessExplanation = Clean(request.ReadinessExplanation);
            var after = SubmissionAnswers.Of(submission);
            return Task.FromResult(after.Canonical() == before
                ? Change.None
                : Change.Done(new AuditRecord("submission.answers.recorded", Subject(submission), new { sha256 = after.Sha256() })));
        }, ct);

    public async Task<(DocumentReceipt? Receipt, RuleViolation? Violation)> UploadAsync(Guid tenderId, ClaimsPrincipal user, UploadForm form, CancellationToken ct)
    {
        DocumentReceipt? receipt = null;
        var violation = await ChangeAsync(tenderId, user, async (_, submission, now) =>
        {
            if (SubmissionDocuments.Normalise(form.Field("kind")) is not { } kind)
            {
                return Change.Refused(SubmissionRules.UnknownDocumentKind(form.Field("kind")));
            }
            var owner = submission.Owner;
            var current = await db.Documents.AsNoTracking()
                .SingleOrDefaultAsync(d => d.TenderId == tenderId && d.Owner == owner && d.Kind == kind && d.SupersededAtUtc == null, ct);
            if (current is not null && current.Sha256 == form.Document!.File.Sha256)
            {
                receipt = DocumentReceipt.From(current);
                return Change.None;
            }
            var (record, _) = await intake.RecordAsync(db, form.Document!, new DocumentTarget(tenderId, submission.Owner, kind, user.OrganisationId()), user.ToActor().Id, ct, atUtc: now);
            receipt = DocumentReceipt.From(record);
            // The intake's own record names the file; this one does not (staff read the audit trail while sealed).
            return Change.Done(new AuditRecord("document.uploaded", $"document/{record.Id}", new
            {
                kind = record.Kind, owner = record.Owner, sizeBytes = record.SizeBytes, sha256 = record.Sha256, version = record.Version,
            }));
        }, ct);
        return violation is null ? (receipt, null) : (null, violation);
    }

    public async Task<(SubmissionReceiptView? Receipt, RuleViolation? Violation)> SubmitAsync(Guid tenderId, ClaimsPrincipal user, CancellationToken ct)
    {
        SubmissionReceiptView? receipt = null;
        var violation = await ChangeAsync(tenderId, user, async (tender, submission, now) =>
        {
            if (submission.Status == SubmissionStatus.Submitted)
            {
                return Change.Refused(SubmissionRules.AlreadySubmitted());
            }
            var documents = await CurrentDocumentsAsync(submission, ct);
            var missing = SubmissionCompleteness.Missing(submission, window.BudgetYears(tender), documents);
            if (missing.Count > 0)
            {
                return Change.Refused(SubmissionRules.Incomplete(missing.Select(m => m.Nl).ToList(), missing.Select(m => m.En).ToList()));
            }
            var answersSha = SubmissionAnswers.Of(submission).Sha256();
            submission.Status = SubmissionStatus.Submitted;
            submission.SubmittedAtUtc = now;
            submission.SubmittedByUserId = user.ToActor().Id;
            submission.AnswersSha256 = answersSha;
            submission.WithdrawnAtUtc = null;
            receipt = new SubmissionReceiptView(submission.Id, now, documents.Select(DocumentReceipt.From).ToList(), answersSha);
            return Change.Done(new AuditRecord("submission.submitted", Subject(submission), new
            {
                submittedAtUtc = now,
                answersSha256 = answersSha,
                documents = documents.Select(d => new { id = d.Id, kind = d.Kind, sizeBytes = d.SizeBytes, sha256 = d.Sha256 }).ToList(),
            }));
        }, ct, keepsSubmitted: true);
        return (receipt, violation);
    }

    public Task<RuleViolation?> WithdrawAsync(Guid tenderId, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeAsync(tenderId, user, (_, submission, now) =>
        {
            if (submission.Status != SubmissionStatus.Submitted)
            {
                return Task.FromResult(Change.Refused(SubmissionRules.NothingToWithdraw()));
            }
            submission.Status = SubmissionStatus.Withdrawn;
            submission.WithdrawnAtUtc = now;
            submission.SubmittedAtUtc = null;
            submission.AnswersSha256 = null;
            return Task.FromResult(Change.Done(new AuditRecord("submission.withdrawn", Subject(submission), new { })));
        }, ct, keepsSubmitted: true, mayCreate: false);

    public Task<List<Domain.Documents.DocumentRecord>> CurrentDocumentsAsync(TenderSubmission submission, CancellationToken ct)
    {
        var owner = submission.Owner;
        return db.Documents.AsNoTracking().Where(d => d.TenderId == submission.TenderId && d.Owner == owner && d.SupersededAtUtc == null)
            .OrderBy(d => d.Kind).ThenBy(d => d.UploadedAtUtc).ToListAsync(ct);
    }

    private static string Subject(TenderSubmission submission) => submission.Owner;

    /// <summary>What <see cref="Check"/> accepted, as stored: invisible-only text is no answer, so completeness sees it missing.</summary>
    private static string? Clean(string? text) => EnteredText.Read(text, "text").Text;

    private static RuleViolation? Check(SubmissionAnswersRequest request, IReadOnlyList<int> years)
    {
        var budget = request.Budget ?? [];
        if (budget.Any(l => l.Year is null || l.AmountEuros is null))
        {
            return SubmissionRules.Invalid("budget", "Geef bij elke begrotingsregel een jaar en een bedrag.", "Give a year and an amount on every budget line.");
        }
        if (budget.GroupBy(l => l.Year).Any(g => g.Count() > 1))
        {
            return SubmissionRules.Invalid("budget", "Elk contractjaar mag maar één keer in de begroting staan.", "Each contract year may appear only once in the budget.");
        }
        if (years.Count > 0 && budget.FirstOrDefault(l => !years.Contains(l.Year!.Value)) is { } outside)
        {
            return SubmissionRules.Invalid("budget", $"{outside.Year} is geen contractjaar van de basisperiode ({years[0]}–{years[^1]}).",
                $"{outside.Year} is not a contract year of the base term ({years[0]}–{years[^1]}).");
        }
        if (budget.Any(l => l.AmountEuros < 0 || l.AmountEuros > 10_000_000_000m))
        {
            return SubmissionRules.Invalid("budget", "Een bedrag moet tussen 0 en 10 miljard euro liggen.", "An amount must lie between 0 and 10 billion euros.");
        }
        foreach (var (field, text) in new[] { ("budgetExplanation", request.BudgetExplanation), ("implementationPlan", request.ImplementationPlan), ("readinessExplanation", request.ReadinessExplanation) })
        {
            var (read, unreadable) = EnteredText.Read(text, field);
            if (unreadable is not null)
            {
                return unreadable;
            }
            if (read?.Length > TenderSubmission.MaxTextLength)
            {
                return SubmissionRules.Invalid(field, $"De tekst is langer dan {TenderSubmission.MaxTextLength} tekens.", $"The text is longer than {TenderSubmission.MaxTextLength} characters.");
            }
        }
        return null;
    }

    private async Task<RuleViolation?> ChangeAsync(Guid tenderId, ClaimsPrincipal user,
        Func<Tender, TenderSubmission, DateTime, Task<Change>> change, CancellationToken ct,
        bool keepsSubmitted = false, bool mayCreate = true)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await SelectedParticipant.IsParticipantAsync(db, tenderId, user, ct))
        {
            return SubmissionRules.NotTheParticipant();
        }
        var tender = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == tenderId, ct);
        // One reading of the clock per change: the moment the window is judged by is the moment recorded.
        var now = clock.GetUtcNow().UtcDateTime;
        if (await window.RefuseAsync(db, tender, now, ct) is { } closed)
        {
            return closed;
        }
        var actor = user.ToActor();
        var records = new List<AuditRecord>();
        var submission = await db.TenderSubmissions.SingleOrDefaultAsync(s => s.TenderId == tenderId, ct);
        var existed = submission is not null;
        if (submission is null)
        {
            if (!mayCreate)
            {
                return SubmissionRules.NothingToWithdraw();
            }
            submission = new TenderSubmission
            {
                Id = Guid.NewGuid(), TenderId = tenderId, Status = SubmissionStatus.Draft, CreatedAtUtc = now, UpdatedAtUtc = now,
                ApplicationId = (await SelectedParticipant.ApplicationIdAsync(db, tenderId, ct))!.Value,
            };
            db.TenderSubmissions.Add(submission);
            records.Add(new AuditRecord("submission.started", Subject(submission), new { applicationId = submission.ApplicationId }));
        }
        var wasSubmitted = submission.Status == SubmissionStatus.Submitted;
        var outcome = await change(tender, submission, now);
        if (outcome.Violation is not null)
        {
            return outcome.Violation;
        }
        if (outcome.Records.Count == 0 && existed)
        {
            return null;
        }
        records.AddRange(outcome.Records);
        if (!keepsSubmitted && submission.Status != SubmissionStatus.Draft)
        {
            submission.Status = SubmissionStatus.Draft;
            submission.SubmittedAtUtc = null;
            submission.AnswersSha256 = null;
            records.Add(new AuditRecord("submission.returnedToDraft", Subject(submission), new { wasSubmitted }));
        }
        submission.UpdatedAtUtc = now;
        submission.Revision++;
        await audit.AppendAsync(db, actor.Id, Roles.Bidder, tenderId, records, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    /// <summary>What a change did: refused, nothing (no records: nothing is written), or done with its audit records.</summary>
    private sealed record Change(RuleViolation? Violation, IReadOnlyList<AuditRecord> Records)
    {
        public static readonly Change None = new(null, []);
        public static Change Refused(RuleViolation violation) => new(violation, []);
        public static Change Done(AuditRecord record) => new(null, [record]);
    }
}
