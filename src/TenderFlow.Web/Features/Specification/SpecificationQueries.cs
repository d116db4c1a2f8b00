using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Specification;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Features.Specification;

/// <summary>
/// Reads of the final specification, cut to the audience: staff see every version and review; the participant the
/// versions Legal approved (and its own acknowledgements); an evaluator only the approved latest version. Reads by
/// the participant and evaluators are audited (Legal asks who saw which version when).
/// </summary>
public sealed class SpecificationQueries(TenderFlowDbContext db, AuditWriter auditWriter)
{
    private sealed record Snapshot(List<SpecificationVersion> Versions, List<SpecificationReview> Reviews, Dictionary<string, string> Names, Dictionary<Guid, string> Themes);

    public async Task<SpecificationView> ViewAsync(Tender tender, SpecificationAudience audience, Guid? organisationId, Actor actor, CancellationToken cancellationToken)
    {
        var s = await LoadAsync(tender, cancellationToken);
        var visible = Visible(s, audience);
        var latestAll = s.Versions.LastOrDefault();
        var latest = audience == SpecificationAudience.Staff ? latestAll : visible.LastOrDefault();
        var acknowledgements = await db.SpecificationAcknowledgements.AsNoTracking().Where(a => a.TenderId == tender.Id)
            .Where(a => audience == SpecificationAudience.Staff || (audience == SpecificationAudience.Participant && a.OrganisationId == organisationId))
            .OrderBy(a => a.AcknowledgedAtUtc)
            .Join(db.Organisations, a => a.OrganisationId, o => o.Id, (a, o) => new { a, o.Name })
            .ToListAsync(cancellationToken);
        var userNames = await NamesAsync(acknowledgements.Select(x => x.a.UserId), cancellationToken);
        var view = new SpecificationView(
            latest is null ? "none" : Status(latest, s),
            latest is null ? null : Version(latest, s, audience),
            visible.Select(v => new VersionSummary(v.Number, Name(s.Names, v.AuthorUserId), v.CreatedAtUtc, v.Sha256, Status(v, s), Approval(v, s)?.DocumentId)).Reverse().ToList(),
            acknowledgements.Select(x => new AcknowledgementView(x.a.VersionNumber, x.a.OrganisationId, x.Name, Name(userNames, x.a.UserId), x.a.AcknowledgedAtUtc)).ToList());
        if (latest is not null)
        {
            await AuditReadAsync(tender.Id, audience, actor, latest, cancellationToken);
        }
        return view;
    }

    public async Task<(VersionView? Version, RuleViolation? Violation)> VersionAsync(Tender tender, int number, SpecificationAudience audience, Actor actor, CancellationToken cancellationToken)
    {
        var s = await LoadAsync(tender, cancellationToken);
        var version = Visible(s, audience).SingleOrDefault(v => v.Number == number);
        if (version is null)
        {
            return (null, SpecificationRules.VersionNotFound(number));
        }
        await AuditReadAsync(tender.Id, audience, actor, version, cancellationToken);
        return (Version(version, s, audience), null);
    }

    /// <summary>The changes from version number-1 to number (staff only: drafts in between are theirs).</summary>
    public async Task<(VersionDiff? Diff, RuleViolation? Violation)> DiffAsync(Guid tenderId, int number, Actor actor, CancellationToken cancellationToken)
    {
        var pair = await db.SpecificationVersions.AsNoTracking().Where(v => v.TenderId == tenderId && (v.Number == number || v.Number == number - 1)).ToListAsync(cancellationToken);
        var to = pair.SingleOrDefault(v => v.Number == number);
        if (to is null)
        {
            return (null, SpecificationRules.VersionNotFound(number));
        }
        var from = pair.SingleOrDefault(v => v.Number == number - 1);
        if (from is null)
        {
            return (null, SpecificationRules.NoPreviousVersion(number));
        }
        // A diff carries both versions' text.
        await AuditReadAsync(tenderId, SpecificationAudience.Staff, actor, [from, to], cancellationToken);
        return (SpecificationDiff.Compare(from.Number, from.Content, to.Number, to.Content), null);
    }

    /// <summary>All diffs of a tender's history, newest first (the portal's history).</summary>
    public async Task<IReadOnlyList<VersionDiff>> HistoryAsync(Guid tenderId, Actor actor, CancellationToken cancellationToken)
    {
        var versions = await db.SpecificationVersions.AsNoTracking().Where(v => v.TenderId == tenderId).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        if (versions.Count > 1)
        {
            await AuditReadAsync(tenderId, SpecificationAudience.Staff, actor, versions, cancellationToken);
        }
        return versions.Zip(versions.Skip(1)).Select(p => SpecificationDiff.Compare(p.First.Number, p.First.Content, p.Second.Number, p.Second.Content)).Reverse().ToList();
    }

    private async Task<Snapshot> LoadAsync(Tender tender, CancellationToken cancellationToken)
    {
        var versions = await db.SpecificationVersions.AsNoTracking().Where(v => v.TenderId == tender.Id).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        var reviews = await db.SpecificationReviews.AsNoTracking().Where(r => r.TenderId == tender.Id).OrderBy(r => r.ReviewedAtUtc).ToListAsync(cancellationToken);
        var names = await NamesAsync(versions.Select(v => v.AuthorUserId).Concat(reviews.Select(r => r.ReviewerUserId)), cancellationToken);
        return new Snapshot(versions, reviews, names, tender.Themes.ToDictionary(t => t.Id, t => t.Key));
    }

    private static List<SpecificationVersion> Visible(Snapshot s, SpecificationAudience audience) => audience switch
    {
        SpecificationAudience.Staff => s.Versions,
        SpecificationAudience.Participant => s.Versions.Where(v => Approval(v, s) is not null).ToList(),
        // The final version is the latest, and only once Legal approved it.
        SpecificationAudience.Evaluator => s.Versions.LastOrDefault() is { } last && Status(last, s) == "approved" ? [last] : [],
        _ => [],
    };

    private static SpecificationReview? Approval(SpecificationVersion v, Snapshot s) =>
        s.Reviews.LastOrDefault(r => r.VersionId == v.Id && r.Verdict == ReviewVerdict.Approved);

    private static string Status(SpecificationVersion v, Snapshot s) => SpecificationRules.StatusOf(v, s.Reviews) switch
    {
        SpecificationStatus.Approved => "approved",
        SpecificationStatus.ChangesRequested => "changesRequested",
        _ => v.Number < s.Versions[^1].Number ? "superseded" : "draft",
    };

    private static VersionView Version(SpecificationVersion v, Snapshot s, SpecificationAudience audience) => new(
        v.Number, Status(v, s), v.Introduction,
        v.Sections.OrderBy(x => x.Position).Select(x => new SectionView(x.Position, x.ThemeId, x.ThemeId is { } t ? s.Themes.GetValueOrDefault(t) : null, x.Heading, x.Text)).ToList(),
        Name(s.Names, v.AuthorUserId), v.CreatedAtUtc, v.Sha256,
        // Legal's comments on drafts are internal to the authority.
        s.Reviews.Where(r => r.VersionId == v.Id && (audience == SpecificationAudience.Staff || r.Verdict == ReviewVerdict.Approved))
            .Select(r => new ReviewView(r.VersionNumber, VersionDiffView.Camel(r.Verdict.ToString()), audience == SpecificationAudience.Staff ? r.Comment : null, Name(s.Names, r.ReviewerUserId), r.ReviewedAtUtc, r.DocumentId)).ToList(),
        Approval(v, s)?.DocumentId);

    private Task AuditReadAsync(Guid tenderId, SpecificationAudience audience, Actor actor, SpecificationVersion version, CancellationToken cancellationToken) =>
        AuditReadAsync(tenderId, audience, actor, [version], cancellationToken);

    private async Task AuditReadAsync(Guid tenderId, SpecificationAudience audience, Actor actor, IReadOnlyList<SpecificationVersion> versions, CancellationToken cancellationToken)
    {
        // Staff reads too: drafts carry the agreed dialogue outcomes word for word, and Legal's internal comments.
        var role = audience switch
        {
            SpecificationAudience.Participant => Domain.Workflow.Roles.Bidder,
            SpecificationAudience.Evaluator => Domain.Workflow.Roles.Evaluator,
            _ => actor.FirstRoleIn([Domain.Workflow.Roles.Procurement, Domain.Workflow.Roles.Legal]),
        };
        if (role is not null)
        {
            await auditWriter.WriteAsync(actor.Id, role, tenderId,
                versions.Select(v => new AuditRecord("specification.read", $"specification/{tenderId}/v{v.Number}", new { version = v.Number, sha256 = v.Sha256 })).ToList(), cancellationToken);
        }
    }

    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.UserName ?? u.Id, cancellationToken);
    }

    private static string Name(Dictionary<string, string> names, string id) => names.GetValueOrDefault(id, id);
}
