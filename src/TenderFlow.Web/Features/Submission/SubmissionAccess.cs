using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Submission;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Applications;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Participation;

namespace TenderFlow.Web.Features.Submission;

/// <summary>
/// Who may read a tender submission's content (answers and documents), one decision for API, portal and document endpoint:
/// - the selected participant (every member organisation's bidders) — its own, always;
/// - after the four-eyes opening of vault <c>submission</c>, and only a submitted tender: Procurement, Legal and the
///   assigned evaluators without a blocking conflict (the same readers as opened applications), each read audited;
/// - nobody else: not Admin, not a rejected candidate, not a partner.
/// </summary>
public static class SubmissionAccess
{
    public static async Task<DocumentAccess> DecideAsync(ClaimsPrincipal user, TenderSubmission submission, TenderFlowDbContext db, CancellationToken cancellationToken)
    {
        if (await SelectedParticipant.IsParticipantAsync(db, submission.TenderId, user, cancellationToken))
        {
            return DocumentAccess.Allowed;
        }
        if (submission.Status != SubmissionStatus.Submitted
            || !await ApplicationAccess.IsContentReaderAsync(user, submission.TenderId, db, cancellationToken)
            || !await SubmissionSeal.IsOpenedAsync(db, submission.TenderId, cancellationToken))
        {
            return DocumentAccess.Denied;
        }
        return DocumentAccess.AllowedAndAudited;
    }
}

/// <summary>Documents of kind <c>submission.*</c> are read as part of the submission that owns them.</summary>
public sealed class SubmissionReadPolicy : IDocumentReadPolicy
{
    public string KindPrefix => "submission.";

    public async Task<DocumentAccess> DecideAsync(Domain.Documents.DocumentRecord document, ClaimsPrincipal user, TenderFlowDbContext db, CancellationToken cancellationToken)
    {
        if (TenderSubmission.IdOfOwner(document.Owner) is not { } id)
        {
            return DocumentAccess.Denied;
        }
        var submission = await db.TenderSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.TenderId == document.TenderId, cancellationToken);
        var access = submission is null ? DocumentAccess.Denied : await SubmissionAccess.DecideAsync(user, submission, db, cancellationToken);
        return await SubmittedVersions.OnlyAsync(document, access, SubmissionSeal.Vault, db, cancellationToken);
    }
}
