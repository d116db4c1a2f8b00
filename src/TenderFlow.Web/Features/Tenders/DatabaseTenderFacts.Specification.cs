using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Specification;

namespace TenderFlow.Web.Features.Tenders;

public sealed partial class DatabaseTenderFacts
{
    // Approval belongs to exactly one version: a save after it leaves the latest version unapproved (stale) until Legal approves again.
    public async Task<DateTime?> ApprovedSpecificationWrittenAtUtcAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        var latest = await db.SpecificationVersions.AsNoTracking().Where(v => v.TenderId == tenderId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        var reviews = latest is null ? [] : await db.SpecificationReviews.AsNoTracking().Where(r => r.VersionId == latest.Id).ToListAsync(cancellationToken);
        return SpecificationRules.StatusOf(latest, reviews) == SpecificationStatus.Approved ? latest!.CreatedAtUtc : null;
    }
}
