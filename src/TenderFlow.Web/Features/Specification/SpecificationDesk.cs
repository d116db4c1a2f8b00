using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Input;
using TenderFlow.Domain.Specification;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Features.Notifications;
using TenderFlow.Web.Features.Participation;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Specification;

/// <summary>
/// Every write of the final specification, each in one transaction with its audit events: the draft from the agreed
/// outcomes, each new immutable version, Legal's review (with the PDF of an approved version) and the participant's receipt.
/// Callers have checked the role; the rules of phase, version and content are checked here.
/// </summary>
public sealed class SpecificationDesk(TenderFlowDbContext db, DefinitionCatalog catalog, AuditTrail audit, DocumentIntake intake, Notifier notifier, TimeProvider clock)
{
    public static string Link(Guid tenderId) => $"/tenders/{tenderId}/opdrachtomschrijving";

    /// <summary>Version 1: an introduction and one section per agreed or closed theme, in theme order.</summary>
    public async Task<(SpecificationVersion? Version, RuleViolation? Violation)> DraftAsync(Guid tenderId, Actor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tender = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == tenderId, cancellationToken);
        if (!await OpenAsync(tender, SpecificationRules.DraftingCapability, cancellationToken))
        {
            return (null, SpecificationRules.DraftingClosed());
        }
        if (await db.SpecificationVersions.AnyAsync(v => v.TenderId == tenderId, cancellationToken))
        {
            return (null, SpecificationRules.AlreadyDrafted());
        }
        var sections = tender.Themes.Where(t => t.Status is DialogueThemeStatus.Agreed or DialogueThemeStatus.Closed).OrderBy(t => t.Key)
            .Select(t => new SectionContent(t.Id, t.TitleNl, t.AgreedOutcome ?? "")).ToList();
        var content = new SpecificationContent(Introduction(tender), sections);
        var version = await AddVersionAsync(tenderId, 1, content, actor, "specification.drafted", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (version, null);
    }

    /// <param name="rows">
    /// For each requested section, the row the person sees it as (the portal leaves out rows marked for removal or blank),
    /// so that a refusal names and marks that row; null when the request's own positions are the rows.
    /// </param>
    public async Task<(SpecificationVersion? Version, RuleViolation? Violation)> SaveAsync(Guid tenderId, SaveSpecificationRequest request, Actor actor,
        CancellationToken cancellationToken, IReadOnlyList<int>? rows = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tender = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == tenderId, cancellationToken);
        if (!await OpenAsync(tender, SpecificationRules.DraftingCapability, cancellationToken))
        {
            return (null, SpecificationRules.DraftingClosed());
        }
        var latest = await LatestAsync(tenderId, cancellationToken);
        if (latest is null)
        {
            return (null, SpecificationRules.NotDrafted());
        }
        if (request.BasedOnVersion != latest.Number)
        {
            return (null, SpecificationRules.NotLatest(request.BasedOnVersion ?? 0, latest.Number));
        }
        var (content, invalid) = Validate(tender, request, rows);
        if (content is null)
        {
            return (null, invalid);
        }
        // Unchanged text is saved again only when a dialogue outcome changed since: it needs an approval of its own.
        if (content.SameAs(latest.Content) && !tender.Themes.Any(t => t.ChangedAfter(latest.CreatedAtUtc)))
        {
            return (null, SpecificationRules.NoChanges());
        }
        var version = await AddVersionAsync(tenderId, latest.Number + 1, content, actor, "specification.saved", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (version, null);
    }

    public async Task<RuleViolation?> ReviewAsync(Guid tenderId, ReviewRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var (comment, unreadable) = EnteredText.Read(request.Comment, "comment", multiline: true, "De toelichting", "The comment");
        if (unreadable is not null)
        {
            return unreadable;
        }
        if (request.Approve != true && comment is null)
        {
            return SpecificationRules.CommentRequired();
        }
        if (comment?.Length > SpecificationReview.MaxCommentLength)
        {
            return SpecificationRules.TooLong("comment", SpecificationReview.MaxCommentLength);
        }
        var approve = request.Approve == true;
        var now = clock.GetUtcNow().UtcDateTime;
        var reviewId = Guid.NewGuid();
        // Rendered before the transaction: laying out a long specification takes a while, and the transaction (BEGIN IMMEDIATE)
        // holds off every other writer meanwhile. A version never changes, so once the transaction finds the version asked
        // for still the latest and unapproved, this is the PDF of what is approved.
        ApprovalPdf? rendered = null;
        if (approve && request.Version is { } asked)
        {
            var askedVersion = await db.SpecificationVersions.AsNoTracking().SingleOrDefaultAsync(v => v.TenderId == tenderId && v.Number == asked, cancellationToken);
            if (askedVersion is not null)
            {
                var current = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == tenderId, cancellationToken);
                rendered = await RenderApprovalAsync(current, askedVersion, reviewId, actor, now, cancellationToken);
            }
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tender = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == tenderId, cancellationToken);
        if (!await OpenAsync(tender, SpecificationRules.ReviewCapability, cancellationToken))
        {
            return SpecificationRules.ReviewClosed();
        }
        var latest = await LatestAsync(tenderId, cancellationToken);
        if (latest is null)
        {
            return SpecificationRules.NotDrafted();
        }
        if (request.Version != latest.Number)
        {
            return SpecificationRules.ReviewNotLatest(request.Version ?? 0, latest.Number);
        }
        if (latest.AuthorUserId == actor.Id)
        {
            return SpecificationRules.AuthorReviews(latest.Number);
        }
        var reviews = await db.SpecificationReviews.AsNoTracking().Where(r => r.VersionId == latest.Id).ToListAsync(cancellationToken);
        if (SpecificationRules.StatusOf(latest, reviews) == SpecificationStatus.Approved)
        {
            return SpecificationRules.AlreadyApproved(latest.Number);
        }
        var records = new List<AuditRecord>();
        Guid? documentId = null;
        if (approve)
        {
            // Rendered here only when the version was written between the render above and this transaction.
            if (rendered?.VersionId != latest.Id)
            {
                rendered = await RenderApprovalAsync(tender, latest, reviewId, actor, now, cancellationToken);
            }
            using var pdf = new MemoryStream(rendered.Pdf);
            var (record, documentAudit) = await intake.RecordGeneratedAsync(db, pdf, SpecificationPdf.FileName(tender, latest.Number), DocumentFormat.Pdf,
                new DocumentTarget(tenderId, $"specification/{tenderId}", SpecificationPdf.Kind, null), actor.Id, cancellationToken);
            documentId = record.Id;
            records.Add(documentAudit);
            var organisations = await SelectedParticipant.OrganisationIdsAsync(db, tenderId, cancellationToken);
            await notifier.NotifyOrganisationsAsync(db, organisations, tenderId, "specification.approved",
                new($"Versie {latest.Number} van de definitieve opdrachtomschrijving van {tender.Title} is goedgekeurd. Bevestig de ontvangst.",
                    $"Version {latest.Number} of the final specification of {tender.Title} has been approved. Please acknowledge receipt."), Link(tenderId), cancellationToken);
        }
        else
        {
            notifier.NotifyUsers(db, [latest.AuthorUserId], tenderId, "specification.changesRequested",
                new($"De jurist vraagt wijzigingen in versie {latest.Number} van de definitieve opdrachtomschrijving.",
                    $"Legal requests changes to version {latest.Number} of the final specification."), Link(tenderId));
        }
        db.SpecificationReviews.Add(new SpecificationReview
        {
            Id = reviewId, TenderId = tenderId, VersionId = latest.Id, VersionNumber = latest.Number,
            Verdict = approve ? ReviewVerdict.Approved : ReviewVerdict.ChangesRequested, Comment = comment,
            ReviewerUserId = actor.Id, ReviewedAtUtc = now, DocumentId = documentId,
        });
        records.Insert(0, new AuditRecord(approve ? "specification.approved" : "specification.changesRequested", $"specification/{tenderId}/v{latest.Number}",
            new { reviewId, version = latest.Number, sha256 = latest.Sha256, comment, documentId }));
        await audit.AppendAsync(db, actor.Id, Roles.Legal, tenderId, records, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private sealed record ApprovalPdf(Guid VersionId, byte[] Pdf);

    private async Task<ApprovalPdf> RenderApprovalAsync(Tender tender, SpecificationVersion version, Guid reviewId, Actor actor, DateTime now, CancellationToken cancellationToken)
    {
        var names = await NamesAsync([version.AuthorUserId, actor.Id], cancellationToken);
        var approval = new SpecificationReview
        {
            Id = reviewId, TenderId = tender.Id, VersionId = version.Id, VersionNumber = version.Number, Verdict = ReviewVerdict.Approved, ReviewerUserId = actor.Id, ReviewedAtUtc = now,
        };
        var report = SpecificationPdf.Build(tender, version, names.GetValueOrDefault(version.AuthorUserId, version.AuthorUserId), approval, names.GetValueOrDefault(actor.Id, actor.Id));
        return new(version.Id, PdfRenderer.Render(report, now));
    }

    /// <summary>The participant's confirmation that it received an approved version; once per version and organisation.</summary>
    public async Task<RuleViolation?> AcknowledgeAsync(Guid tenderId, int? number, Guid organisationId, Actor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = number is null ? null : await db.SpecificationVersions.AsNoTracking().SingleOrDefaultAsync(v => v.TenderId == tenderId && v.Number == number, cancellationToken);
        var approved = version is not null && await db.SpecificationReviews.AnyAsync(r => r.VersionId == version.Id && r.Verdict == ReviewVerdict.Approved, cancellationToken);
        if (version is null || !approved)
        {
            // An unapproved version is as unknown to the participant as one that does not exist: the same answer for both.
            return SpecificationRules.VersionNotFound(number ?? 0);
        }
        if (await db.SpecificationAcknowledgements.AnyAsync(a => a.VersionId == version.Id && a.OrganisationId == organisationId, cancellationToken))
        {
            return SpecificationRules.AlreadyAcknowledged(version.Number);
        }
        var acknowledgement = new SpecificationAcknowledgement
        {
            Id = Guid.NewGuid(), TenderId = tenderId, VersionId = version.Id, VersionNumber = version.Number, OrganisationId = organisationId,
            UserId = actor.Id, AcknowledgedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.SpecificationAcknowledgements.Add(acknowledgement);
        await audit.AppendAsync(db, actor.Id, Roles.Bidder, tenderId,
            [new AuditRecord("specification.acknowledged", $"specification/{tenderId}/v{version.Number}",
                new { acknowledgementId = acknowledgement.Id, version = version.Number, sha256 = version.Sha256, organisationId })], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    public Task<SpecificationVersion?> LatestAsync(Guid tenderId, CancellationToken cancellationToken) =>
        db.SpecificationVersions.AsNoTracking().Where(v => v.TenderId == tenderId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);

    private async Task<bool> OpenAsync(Tender tender, string capability, CancellationToken cancellationToken) =>
        (await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken)).Phase(tender.Phase).Capabilities.Contains(capability);

    private async Task<SpecificationVersion> AddVersionAsync(Guid tenderId, int number, SpecificationContent content, Actor actor, string action, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var version = new SpecificationVersion
        {
            Id = id, TenderId = tenderId, Number = number, Introduction = SpecificationContent.Normalise(content.Introduction),
            AuthorUserId = actor.Id, CreatedAtUtc = clock.GetUtcNow().UtcDateTime, Sha256 = content.Sha256(),
            Sections = content.Sections.Select((s, i) => new SpecificationSection
            {
                VersionId = id, Position = i, ThemeId = s.ThemeId, Heading = SpecificationContent.Normalise(s.Heading), Text = SpecificationContent.Normalise(s.Text),
            }).ToList(),
        };
        db.SpecificationVersions.Add(version);
        await audit.AppendAsync(db, actor.Id, Roles.Procurement, tenderId,
            [new AuditRecord(action, $"specification/{tenderId}/v{number}", new { versionId = id, version = number, sha256 = version.Sha256, sections = version.Sections.Count })], cancellationToken);
        return version;
    }

    private static (SpecificationContent? Content, RuleViolation? Violation) Validate(Tender tender, SaveSpecificationRequest request, IReadOnlyList<int>? rows)
    {
        // Read as stored (line breaks as \n: a browser sends a textarea's as CRLF, which would count twice against the
        // length), and refused when it holds characters that make the page and the PDF read otherwise than it is stored.
        var (readIntroduction, unreadableIntroduction) = EnteredText.Read(request.Introduction, "introduction", multiline: true, "De inleiding", "The introduction");
        if (unreadableIntroduction is not null)
        {
            return (null, unreadableIntroduction);
        }
        var introduction = readIntroduction ?? "";
        if (introduction.Length > SpecificationVersion.MaxIntroductionLength)
        {
            return (null, SpecificationRules.TooLong("introduction", SpecificationVersion.MaxIntroductionLength));
        }
        var sections = request.Sections ?? [];
        if (sections.Count > SpecificationContent.MaxSections)
        {
            return (null, SpecificationRules.TooManySections());
        }
        var themes = tender.Themes.Select(t => t.Id).ToHashSet();
        var result = new List<SectionContent>();
        for (var i = 0; i < sections.Count; i++)
        {
            var s = sections[i];
            var row = rows is not null && i < rows.Count ? rows[i] : i;
            var (heading, unreadableHeading) = EnteredText.Read(s.Heading, $"sections[{row}].heading", multiline: false, "De kop", "The heading");
            if (unreadableHeading is not null)
            {
                return (null, unreadableHeading);
            }
            if (heading is null)
            {
                return (null, SpecificationRules.HeadingRequired(row));
            }
            var (readText, unreadableText) = EnteredText.Read(s.Text, $"sections[{row}].text", multiline: true, "De tekst", "The text");
            if (unreadableText is not null)
            {
                return (null, unreadableText);
            }
            var text = readText ?? "";
            if (heading.Length > SpecificationSection.MaxHeadingLength)
            {
                return (null, SpecificationRules.TooLong($"sections[{row}].heading", SpecificationSection.MaxHeadingLength));
            }
            if (text.Length > SpecificationSection.MaxTextLength)
            {
                return (null, SpecificationRules.TooLong($"sections[{row}].text", SpecificationSection.MaxTextLength));
            }
            if (s.ThemeId is { } theme && !themes.Contains(theme))
            {
                return (null, SpecificationRules.UnknownTheme(row));
            }
            result.Add(new SectionContent(s.ThemeId, heading, text));
        }
        return (new SpecificationContent(introduction, result), null);
    }

    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.UserName ?? u.Id, cancellationToken);
    }

    private static string Introduction(Tender tender) =>
        $"Deze definitieve opdrachtomschrijving vat de uitkomsten samen van de dialoog tussen de gemeente en de geselecteerde deelnemer "
        + $"in de aanbesteding {tender.Title} ({tender.Reference}). Per dialoogthema staat hieronder de afgesproken uitkomst. "
        + "De deelnemer schrijft in op deze opdrachtomschrijving.";
}
