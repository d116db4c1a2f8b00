using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Publication;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Features.Publication;

/// <summary>
/// The selection guideline of a tender: experience requirements (knock-out) and weighted criteria with scales.
/// Procurement edits it as a whole (one validation path for API and portal); it is frozen once the publication
/// phase has started, because candidates prepare their applications on it.
/// </summary>
public sealed class SelectionGuideline(TenderFlowDbContext db, PublicationStage stage, AuditTrail audit, TimeProvider clock)
{
    public async Task<GuidelineView> ViewAsync(Tender tender, CancellationToken cancellationToken)
    {
        var state = await stage.ForAsync(db, tender, cancellationToken);
        var published = await db.GuidelinePublications.AsNoTracking().SingleOrDefaultAsync(g => g.TenderId == tender.Id, cancellationToken);
        var requirements = await db.SelectionRequirements.AsNoTracking().Where(r => r.TenderId == tender.Id).OrderBy(r => r.Order).ToListAsync(cancellationToken);
        var criteria = await db.SelectionCriteria.AsNoTracking().Where(c => c.TenderId == tender.Id).OrderBy(c => c.Order).ToListAsync(cancellationToken);
        return new GuidelineView(published?.PublishedAtUtc, IsFrozen(state), published is not null && state.IsPublished, criteria.Sum(c => c.WeightPercent),
            requirements.Select(r => new RequirementView(r.Id, r.Code, r.TextNl, r.TextEn)).ToList(),
            criteria.Select(c => new CriterionView(c.Id, c.Code, c.TitleNl, c.TitleEn, c.DescriptionNl, c.DescriptionEn, c.WeightPercent, c.ScaleMin, c.ScaleMax,
                c.MinimumScore, c.Descriptors.OrderBy(d => d.Score).Select(d => new DescriptorView(d.Score, d.TextNl, d.TextEn)).ToList())).ToList());
    }

    /// <summary>Whether candidates may see the guideline now (published by Procurement and the tender published).</summary>
    public async Task<bool> IsVisibleToCandidatesAsync(Tender tender, CancellationToken cancellationToken) =>
        (await stage.ForAsync(db, tender, cancellationToken)).IsPublished
        && await db.GuidelinePublications.AnyAsync(g => g.TenderId == tender.Id, cancellationToken);

    public static GuidelineInput ToInput(GuidelineView view) => new(
        view.Requirements.Select(r => new RequirementInput(r.Code, r.TextNl, r.TextEn)).ToList(),
        view.Criteria.Select(c => new CriterionInput(c.Code, c.TitleNl, c.TitleEn, c.DescriptionNl, c.DescriptionEn, c.WeightPercent, c.ScaleMin, c.ScaleMax,
            c.MinimumScore, c.Descriptors.Select(d => new DescriptorInput(d.Score, d.TextNl, d.TextEn)).ToList())).ToList());

    /// <summary>
    /// Replaces the draft with <paramref name="input"/>. Items keep their id when their code stays (later scoring refers
    /// to them). Saving a guideline that was marked published (before the publication phase) returns it to draft.
    /// </summary>
    public async Task<RuleViolation?> SaveAsync(Guid tenderId, GuidelineInput input, Actor actor, CancellationToken cancellationToken)
    {
        if (GuidelineRules.CheckDraft(input) is { } invalid)
        {
            return invalid;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tender = await db.Tenders.SingleAsync(t => t.Id == tenderId, cancellationToken);
        if (IsFrozen(await stage.ForAsync(db, tender, cancellationToken)))
        {
            return GuidelineRules.Frozen();
        }
        var requirements = await db.SelectionRequirements.Where(r => r.TenderId == tenderId).ToListAsync(cancellationToken);
        var criteria = await db.SelectionCriteria.Where(c => c.TenderId == tenderId).ToListAsync(cancellationToken);
        var wantedRequirements = (input.Requirements ?? []).Select(r => r.Code!.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var wantedCriteria = (input.Criteria ?? []).Select(c => c.Code!.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        db.SelectionRequirements.RemoveRange(requirements.Where(r => !wantedRequirements.Contains(r.Code)));
        db.SelectionCriteria.RemoveRange(criteria.Where(c => !wantedCriteria.Contains(c.Code)));
        // Removals first, so a code moving between the two lists never meets itself in the unique index.
        await db.SaveChangesAsync(cancellationToken);

        var order = 0;
        foreach (var r in input.Requirements ?? [])
        {
            var code = r.Code!.Trim();
            var row = requirements.FirstOrDefault(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase) && wantedRequirements.Contains(x.Code));
            if (row is null)
            {
                row = new SelectionRequirement { Id = Guid.NewGuid(), TenderId = tenderId, Code = code, TextNl = "" };
                db.SelectionRequirements.Add(row);
            }
            row.Code = code;
            row.TextNl = r.TextNl!.Trim();
            row.TextEn = Blank(r.TextEn);
            row.Order = ++order;
        }
        order = 0;
        foreach (var c in input.Criteria ?? [])
        {
            var code = c.Code!.Trim();
            var row = criteria.FirstOrDefault(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase) && wantedCriteria.Contains(x.Code));
            if (row is null)
            {
                row = new SelectionCriterion { Id = Guid.NewGuid(), TenderId = tenderId, Code = code, TitleNl = "" };
                db.SelectionCriteria.Add(row);
            }
            row.Code = code;
            row.TitleNl = c.TitleNl!.Trim();
            row.TitleEn = Blank(c.TitleEn);
            row.DescriptionNl = Blank(c.DescriptionNl);
            row.DescriptionEn = Blank(c.DescriptionEn);
            row.WeightPercent = c.WeightPercent;
            row.ScaleMin = c.ScaleMin;
            row.ScaleMax = c.ScaleMax;
            row.MinimumScore = c.MinimumScore;
            row.Order = ++order;
            row.Descriptors.Clear();
            row.Descriptors.AddRange((c.Descriptors ?? []).OrderBy(d => d.Score).Select(d => new ScaleDescriptor { Score = d.Score, TextNl = d.TextNl!.Trim(), TextEn = Blank(d.TextEn) }));
        }
        var records = new List<AuditRecord>
        {
            new("guideline.saved", $"tender/{tenderId}/guideline", new
            {
                requirements = (input.Requirements ?? []).Select(r => new { code = r.Code!.Trim(), textNl = r.TextNl, textEn = Blank(r.TextEn) }),
                criteria = (input.Criteria ?? []).Select(c => new
                {
                    code = c.Code!.Trim(), titleNl = c.TitleNl, titleEn = Blank(c.TitleEn), descriptionNl = Blank(c.DescriptionNl), descriptionEn = Blank(c.DescriptionEn),
                    weightPercent = c.WeightPercent, c.ScaleMin, c.ScaleMax, c.MinimumScore,
                    descriptors = (c.Descriptors ?? []).OrderBy(d => d.Score).Select(d => new { score = d.Score, textNl = d.TextNl!.Trim(), textEn = Blank(d.TextEn) }),
                }),
            }),
        };
        var publication = await db.GuidelinePublications.SingleOrDefaultAsync(g => g.TenderId == tenderId, cancellationToken);
        if (publication is not null)
        {
            db.GuidelinePublications.Remove(publication);
            records.Add(new AuditRecord("guideline.unpublished", $"tender/{tenderId}/guideline", new { reason = "changed before the publication phase" }));
        }
        await audit.AppendAsync(db, actor.Id, Roles.Procurement, tenderId, records, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Declares the guideline complete (weights 100%); candidates see it once the tender is published.</summary>
    public async Task<RuleViolation?> PublishAsync(Guid tenderId, Actor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tender = await db.Tenders.SingleAsync(t => t.Id == tenderId, cancellationToken);
        var view = await ViewAsync(tender, cancellationToken);
        if (view.PublishedAtUtc is not null)
        {
            return PublicationRules.AlreadyPublished();
        }
        if (GuidelineRules.CheckPublishable(ToInput(view)) is { } incomplete)
        {
            return incomplete;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.GuidelinePublications.Add(new GuidelinePublication { TenderId = tenderId, PublishedAtUtc = now, PublishedByUserId = actor.Id });
        await audit.AppendAsync(db, actor.Id, Roles.Procurement, tenderId,
            [new AuditRecord("guideline.published", $"tender/{tenderId}/guideline", new
            {
                requirements = view.Requirements.Select(r => r.Code),
                criteria = view.Criteria.Select(c => new { c.Code, c.WeightPercent, c.ScaleMin, c.ScaleMax, c.MinimumScore }),
            })], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Frozen once the publication phase has started, and in an end state.</summary>
    public static bool IsFrozen(PublicationState state) => state.PublicationStartedAtUtc is not null || state.PhaseIsEnd;

    /// <summary>An optional text as stored: trimmed, or null when it holds nothing a reader can see (GuidelineRules refused the rest).</summary>
    private static string? Blank(string? text) => TenderFlow.Domain.Input.EnteredText.Read(text, "text").Text;
}
