using Microsoft.EntityFrameworkCore;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Submission;

/// <summary>
/// Whether a tender's submission vault is open (the four-eyes opening completed; Sealing only completes it after
/// <see cref="DeadlineKey"/>). Nothing of the content is shown to staff before that.
/// </summary>
public static class SubmissionSeal
{
    public const string Vault = "submission";
    public const string DeadlineKey = "submissionClose";
    public const string Capability = "submission.vault";
    public const string OpeningCapability = "submission.opening";

    public static Task<bool> IsOpenedAsync(TenderFlowDbContext db, Guid tenderId, CancellationToken cancellationToken) =>
        db.VaultOpenings.AnyAsync(o => o.TenderId == tenderId && o.Vault == Vault && o.CompletedAtUtc != null, cancellationToken);
}
