using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Documents;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Documents;

/// <summary>
/// A sealed vault holds only the current version of each document when it is opened: a version the bidder replaced (or
/// dropped with a member) before an opening was never submitted, so the staff who read the opened vault do not read it.
/// A version that was current at a completed opening stays readable after a later round replaced it: it is the evidence
/// that round was judged on. The bidder's own organisation keeps its history (<see cref="DocumentAccess.Allowed"/>).
/// </summary>
public static class SubmittedVersions
{
    public static async Task<DocumentAccess> OnlyAsync(DocumentRecord document, DocumentAccess access, string vault, TenderFlowDbContext db, CancellationToken cancellationToken)
    {
        if (access != DocumentAccess.AllowedAndAudited || document.IsCurrent)
        {
            return access;
        }
        // Openings of earlier rounds are superseded (and filtered out by default), yet what they opened was submitted.
        var opened = await db.VaultOpenings.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.TenderId == document.TenderId && o.Vault == vault && o.CompletedAtUtc != null)
            .Select(o => o.CompletedAtUtc!.Value).ToListAsync(cancellationToken);
        return opened.Any(at => document.UploadedAtUtc <= at && document.SupersededAtUtc >= at) ? access : DocumentAccess.Denied;
    }
}
