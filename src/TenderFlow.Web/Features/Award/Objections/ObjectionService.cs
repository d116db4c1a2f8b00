using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Award;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Input;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Features.Notifications;
using TenderFlow.Web.Features.Participation;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Award.Objections;

/// <summary>
/// Objections (bezwaar) against the selection or award decision: filed by an entitled bidder before the standstill ends
/// (server clock), advised on by Legal, decided by Procurement. A bidder sees only its own application's objections.
/// </summary>
public sealed class ObjectionService(TenderFlowDbContext db, DefinitionCatalog catalog, DocumentIntake intake, Notifier notifier, AuditTrail audit, TimeProvider clock)
{
    public static string Name(ObjectedDecision decision) => decision == ObjectedDecision.Award ? "award" : "selection";

    public static ObjectedDecision? Parse(string? decision) => decision?.Trim().ToLowerInvariant() switch
    {
        "award" => ObjectedDecision.Award,
        "selection" => ObjectedDecision.Selection,
        _ => null,
    };

    private static (string Capability, string Deadline) Window(ObjectedDecision decision) => decision == ObjectedDecision.Award
        ? (AwardNames.AwardObjections, AwardNames.AwardStandstillEnd)
        : (AwardNames.SelectionObjections, AwardNames.SelectionStandstillEnd);

    /// <summary>The application on whose behalf this bidder may object to the decision now, or why not.</summary>
    private Task<(Application? Application, DateTime StandstillEnd, RuleViolation? Violation)> EntitlementAsync(Tender tender, ClaimsPrincipal user, ObjectedDecision decision, CancellationToken ct) =>
        user.IsInRole(Roles.Bidder) && user.OrganisationId() is { } organisation
            ? EntitlementAsync(tender, organisation, decision, ct)
            : Task.FromResult<(Application?, DateTime, RuleViolation?)>((null, default, AwardRules.NotEntitled(Name(decision))));

    /// <summary>
    /// The application on whose behalf this organisation may object to the decision now, or why not: the participant's
    /// organisations against the award, those of a submitted application against the selection; before the standstill ends.
    /// </summary>
    private async Task<(Application? Application, DateTime StandstillEnd, RuleViolation? Violation)> EntitlementAsync(Tender tender, Guid organisation, ObjectedDecision decision, CancellationToken ct)
    {
        var name = Name(decision);
        var (capability, deadline) = Window(decision);
        var definition = await catalog.ForHashAsync(db, tender.DefinitionHash, ct);
        var end = tender.Deadline(deadline)?.DueAtUtc;
        if (!definition.Phase(tender.Phase).Capabilities.Contains(capability) || end is null || clock.GetUtcNow().UtcDateTime >= end)
        {
            return (null, default, AwardRules.ObjectionsClosed(name));
        }
        var application = (await EntitledApplicationsAsync(tender.Id, decision, ct)).FirstOrDefault(a => a.LeadOrganisationId == organisation || a.HasMember(organisation));
        if (application is null)
        {
            return (null, default, AwardRules.NotEntitled(name));
        }
        if (await db.Objections.AnyAsync(o => o.TenderId == tender.Id && o.Decision == decision && o.ApplicationId == application.Id && o.SupersededAtUtc == null, ct))
        {
            return (null, default, AwardRules.AlreadyObjected());
        }
        return (application, end.Value, null);
    }

    /// <summary>The applications whose organisations may object to the decision: the selected participant's (award) or every submitted one (selection).</summary>
    private async Task<IReadOnlyList<Application>> EntitledApplicationsAsync(Guid tenderId, ObjectedDecision decision, CancellationToken ct)
    {
        if (decision == ObjectedDecision.Award)
        {
            var selected = await SelectedParticipant.ApplicationIdAsync(db, tenderId, ct);
            return selected is null ? [] : [await db.Applications.AsNoTracking().SingleAsync(a => a.Id == selected, ct)];
        }
        return await db.Applications.AsNoTracking().Where(a => a.TenderId == tenderId && a.Status == ApplicationStatus.Submitted).ToListAsync(ct);
    }

    /// <summary>
    /// The organisations Legal or Procurement may record an objection for now (one received outside the portal): per decision whose
    /// standstill runs, the organisations of each entitled application that has no objection against it yet.
    /// </summary>
    public async Task<IReadOnlyList<RecordableObjector>> RecordableAsync(Tender tender, CancellationToken ct)
    {
        var result = new List<RecordableObjector>();
        foreach (var decision in new[] { ObjectedDecision.Award, ObjectedDecision.Selection })
        {
            foreach (var application in await EntitledApplicationsAsync(tender.Id, decision, ct))
            {
                var ids = application.OrganisationIds;
                foreach (var organisation in await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Name).ToListAsync(ct))
                {
                    if ((await EntitlementAsync(tender, organisation.Id, decision, ct)).Violation is null)
                    {
                        result.Add(new RecordableObjector(Name(decision), organisation.Id, organisation.Name));
                    }
                }
            }
        }
        return result;
    }

    public async Task<RuleViolation?> EligibleAsync(Tender tender, ClaimsPrincipal user, ObjectedDecision decision, CancellationToken ct) =>
        (await EntitlementAsync(tender, user, decision, ct)).Violation;

    public Task<(CreatedObjection? Created, RuleViolation? Violation)> FileAsync(Guid tenderId, ClaimsPrincipal user, string? decisionName, string? grounds,
        StagedDocument? attachment, CancellationToken ct) =>
        CreateAsync(tenderId, user, decisionName, grounds, attachment, onBehalf: null, ct);

    /// <summary>
    /// Legal or Procurement records an objection (or a kort geding) that reached the authority outside the portal, on behalf of an
    /// organisation entitled to object, with how it came in: the same window, eligibility and effect as one filed in the portal.
    /// </summary>
    public async Task<(CreatedObjection? Created, RuleViolation? Violation)> RecordAsync(Guid tenderId, ClaimsPrincipal user, RecordObjectionRequest request,
        StagedDocument? attachment, CancellationToken ct)
    {
        if (!(user.IsInRole(Roles.Legal) || user.IsInRole(Roles.Procurement)))
        {
            return (null, AwardRules.RecordingNotAllowed());
        }
        var (receivedVia, unreadable) = EnteredText.Read(request.ReceivedVia, "receivedVia", multiline: false, "Hoe het bezwaar binnenkwam", "How the objection came in");
        if (unreadable is not null)
        {
            return (null, unreadable);
        }
        if (receivedVia is null)
        {
            return (null, AwardRules.ReceivedViaRequired());
        }
        if (receivedVia.Length > Objection.MaxReceivedViaLength)
        {
            return (null, AwardRules.TextTooLong("receivedVia"));
        }
        if (request.OrganisationId is not { } organisation || organisation == Guid.Empty)
        {
            return (null, AwardRules.ObjectorRequired());
        }
        return await CreateAsync(tenderId, user, request.Decision, request.Grounds, attachment, new OnBehalf(organisation, receivedVia), ct);
    }

    private sealed record OnBehalf(Guid OrganisationId, string ReceivedVia);

    private async Task<(CreatedObjection? Created, RuleViolation? Violation)> CreateAsync(Guid tenderId, ClaimsPrincipal user, string? decisionName, string? grounds,
        StagedDocument? attachment, OnBehalf? onBehalf, CancellationToken ct)
    {
        if (Parse(decisionName) is not { } decision)
        {
            return (null, AwardRules.UnknownDecision());
        }
        (grounds, var unreadable) = EnteredText.Read(grounds, "grounds", multiline: true, "De bezwaargronden", "The grounds");
        if (unreadable is not null)
        {
            return (null, unreadable);
        }
        if (grounds is null)
        {
            return (null, AwardRules.GroundsRequired());
        }
        if (grounds.Length > Objection.MaxTextLength)
        {
            return (null, AwardRules.TextTooLong("grounds"));
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var tender = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == tenderId, ct);
        var (application, end, violation) = onBehalf is null
            ? await EntitlementAsync(tender, user, decision, ct)
            : await EntitlementAsync(tender, onBehalf.OrganisationId, decision, ct);
        if (violation is not null)
        {
            return (null, violation);
        }
        var actor = user.ToActor();
        var objection = new Objection
        {
            Id = Guid.NewGuid(), TenderId = tenderId, Decision = decision, ApplicationId = application!.Id,
            OrganisationId = onBehalf?.OrganisationId ?? user.OrganisationId()!.Value, ReceivedVia = onBehalf?.ReceivedVia,
            FiledByUserId = actor.Id, Grounds = grounds, FiledAtUtc = clock.GetUtcNow().UtcDateTime, StandstillEndUtc = end, Status = ObjectionStatus.Open,
        };
        var records = new List<AuditRecord>();
        if (attachment is not null)
        {
            var (document, uploaded) = await intake.RecordAsync(db, attachment,
                new DocumentTarget(tenderId, AwardNames.ObjectionOwner(objection.Id), AwardNames.ObjectionDocumentKind, objection.OrganisationId), actor.Id, ct);
            objection.DocumentId = document.Id;
            records.Add(uploaded);
        }
        db.Objections.Add(objection);
        records.Add(new AuditRecord("award.objection.filed", $"objection/{objection.Id}", new
        {
            decision = Name(decision), objection.ApplicationId, objection.OrganisationId, grounds, documentId = objection.DocumentId, standstillEndUtc = end,
            recordedOnBehalf = onBehalf is not null, receivedVia = objection.ReceivedVia,
        }));
        await NotifyStaffAsync(tenderId, new($"Er is bezwaar gemaakt tegen de {(decision == ObjectedDecision.Award ? "gunningsbeslissing" : "selectiebeslissing")} van {tender.Title}.",
            $"An objection has been filed against the {Name(decision)} decision of {tender.Title}."), ct);
        if (onBehalf is not null)
        {
            // The objector hears that its objection, sent outside the portal, is on record and suspends the decision.
            var what = decision == ObjectedDecision.Award ? ("gunningsbeslissing", "award decision") : ("selectiebeslissing", "selection decision");
            await notifier.NotifyOrganisationsAsync(db, application.OrganisationIds, tenderId,
                "award.objection.recorded",
                new($"Uw bezwaar tegen de {what.Item1} van {tender.Title} ({onBehalf.ReceivedVia}) is in het portaal vastgelegd. Zolang het in behandeling is, wordt de beslissing niet definitief.",
                    $"Your objection to the {what.Item2} of {tender.Title} ({onBehalf.ReceivedVia}) has been recorded in the portal. While it is being handled, the decision does not become final."),
                $"/tenders/{tenderId}/gunning", ct);
        }
        var role = onBehalf is null ? Roles.Bidder : user.IsInRole(Roles.Legal) ? Roles.Legal : Roles.Procurement;
        await audit.AppendAsync(db, actor.Id, role, tenderId, records, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (new CreatedObjection(objection.Id), null);
    }

    public async Task<RuleViolation?> AdviseAsync(Tender tender, Guid objectionId, ClaimsPrincipal user, ObjectionAdviceRequest request, CancellationToken ct)
    {
        var (reasoning, unreadable) = EnteredText.Read(request.Reasoning, "reasoning", multiline: true, "De motivering", "The reasoning");
        if (unreadable is not null)
        {
            return unreadable;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await FindOpenWindowAsync(tender, objectionId, ct) is { Violation: { } refused })
        {
            return refused;
        }
        var objection = await db.Objections.SingleAsync(o => o.Id == objectionId, ct);
        if (request.Uphold is null || reasoning is null)
        {
            return AwardRules.ReasoningRequired("reasoning");
        }
        if (reasoning.Length > Objection.MaxTextLength)
        {
            return AwardRules.TextTooLong("reasoning");
        }
        if (objection.Status != ObjectionStatus.Open || objection.SupersededAtUtc is not null)
        {
            return AwardRules.AdviceAlreadyGiven();
        }
        var actor = user.ToActor();
        objection.AdviceUphold = request.Uphold;
        objection.AdviceReasoning = reasoning;
        objection.AdvisedByUserId = actor.Id;
        objection.AdvisedAtUtc = clock.GetUtcNow().UtcDateTime;
        objection.Status = ObjectionStatus.Advised;
        await audit.AppendAsync(db, actor.Id, Roles.Legal, tender.Id,
            [new AuditRecord("award.objection.advised", $"objection/{objection.Id}", new { uphold = request.Uphold, reasoning })], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    public async Task<RuleViolation?> ResolveAsync(Tender tender, Guid objectionId, ClaimsPrincipal user, ObjectionResolutionRequest request, CancellationToken ct)
    {
        var (reasoning, unreadableReasoning) = EnteredText.Read(request.Reasoning, "reasoning", multiline: true, "De motivering", "The reasoning");
        var (deviation, unreadableDeviation) = EnteredText.Read(request.DeviationReason, "deviationReason", multiline: true, "De reden van afwijking", "The reason for deviating");
        if ((unreadableReasoning ?? unreadableDeviation) is { } unreadable)
        {
            return unreadable;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await FindOpenWindowAsync(tender, objectionId, ct) is { Violation: { } refused })
        {
            return refused;
        }
        var objection = await db.Objections.SingleAsync(o => o.Id == objectionId, ct);
        if (objection.SupersededAtUtc is not null || objection.Status is ObjectionStatus.Upheld or ObjectionStatus.Rejected)
        {
            return AwardRules.AlreadyResolved();
        }
        if (objection.Status != ObjectionStatus.Advised)
        {
            return AwardRules.AdviceFirst();
        }
        if (objection.AdvisedByUserId == user.ToActor().Id)
        {
            return AwardRules.AdviserDecides();
        }
        if (request.Upheld is null || reasoning is null)
        {
            return AwardRules.ReasoningRequired("reasoning");
        }
        if (reasoning.Length > Objection.MaxTextLength || deviation?.Length > Objection.MaxTextLength)
        {
            return AwardRules.TextTooLong("reasoning");
        }
        var deviates = request.Upheld != objection.AdviceUphold;
        if (deviates && deviation is null)
        {
            return AwardRules.DeviationReasonRequired();
        }
        var actor = user.ToActor();
        var now = clock.GetUtcNow().UtcDateTime;
        objection.Status = request.Upheld.Value ? ObjectionStatus.Upheld : ObjectionStatus.Rejected;
        objection.ResolutionReasoning = reasoning;
        objection.DeviationReason = deviates ? deviation : null;
        objection.ResolvedByUserId = actor.Id;
        objection.ResolvedAtUtc = now;
        var fresh = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == tender.Id, ct);
        var (name, _) = await ParticipantNames.OfApplicationAsync(db, objection.ApplicationId, ct);
        var pdf = PdfRenderer.Render(ObjectionLetterBuilder.Build(fresh, objection, name, "nl"), now);
        using var stream = new MemoryStream(pdf);
        var (document, generated) = await intake.RecordGeneratedAsync(db, stream, $"beslissing-bezwaar-{fresh.Reference}.pdf", DocumentFormat.Pdf,
            new DocumentTarget(tender.Id, AwardNames.ObjectionOwner(objection.Id), AwardNames.ObjectionOutcomeKind, objection.OrganisationId), actor.Id, ct);
        objection.OutcomeLetterDocumentId = document.Id;
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == objection.ApplicationId, ct);
        await notifier.NotifyOrganisationsAsync(db, application.OrganisationIds, tender.Id,
            AwardNames.ObjectionOutcomeKind,
            new($"Op uw bezwaar in {fresh.Title} is beslist: {(request.Upheld.Value ? "gegrond" : "ongegrond")}.", $"Your objection in {fresh.Title} has been decided: {(request.Upheld.Value ? "upheld" : "rejected")}."),
            $"/tenders/{tender.Id}/gunning", ct);
        await audit.AppendAsync(db, actor.Id, Roles.Procurement, tender.Id,
        [
            generated,
            new AuditRecord("award.objection.resolved", $"objection/{objection.Id}", new
            {
                upheld = request.Upheld, reasoning, deviatesFromAdvice = deviates, deviationReason = objection.DeviationReason, letterDocumentId = document.Id,
            }),
        ], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>An objection of this tender, in the standstill of its decision (advice and resolution happen while it still suspends).</summary>
    private async Task<(Objection? Objection, RuleViolation? Violation)> FindOpenWindowAsync(Tender tender, Guid objectionId, CancellationToken ct)
    {
        var fresh = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == tender.Id, ct);
        var definition = await catalog.ForHashAsync(db, fresh.DefinitionHash, ct);
        var capabilities = definition.Phase(fresh.Phase).Capabilities;
        if (!capabilities.Contains(AwardNames.AwardObjections) && !capabilities.Contains(AwardNames.SelectionObjections))
        {
            return (null, AwardRules.ObjectionsClosed(fresh.Phase == "selectionStandstill" ? "selection" : "award"));
        }
        var objection = await db.Objections.AsNoTracking().SingleOrDefaultAsync(o => o.Id == objectionId && o.TenderId == tender.Id, ct);
        return objection is null ? (null, AwardRules.ObjectionNotFound()) : (objection, null);
    }

    /// <summary>Procurement and Legal see every objection; a bidder those of its own application(s); anyone else none.</summary>
    public async Task<IReadOnlyList<ObjectionView>> VisibleAsync(Guid tenderId, ClaimsPrincipal user, CancellationToken ct)
    {
        var query = db.Objections.AsNoTracking().Where(o => o.TenderId == tenderId);
        var staff = user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal);
        if (!staff)
        {
            if (!user.IsInRole(Roles.Bidder) || user.OrganisationId() is not { } organisation)
            {
                return [];
            }
            var own = (await db.Applications.AsNoTracking().Where(a => a.TenderId == tenderId).ToListAsync(ct))
                .Where(a => a.LeadOrganisationId == organisation || a.HasMember(organisation)).Select(a => a.Id).ToList();
            query = query.Where(o => own.Contains(o.ApplicationId));
        }
        var result = new List<ObjectionView>();
        foreach (var o in await query.OrderBy(o => o.FiledAtUtc).ToListAsync(ct))
        {
            var (name, _) = await ParticipantNames.OfApplicationAsync(db, o.ApplicationId, ct);
            // Legal's advice is internal until Procurement has decided; the objector then reads it with the decision (and in the letter).
            var adviceShown = staff || o.Status is ObjectionStatus.Upheld or ObjectionStatus.Rejected;
            result.Add(new ObjectionView(o.Id, Name(o.Decision), name, o.FiledAtUtc, o.Grounds, o.ReceivedVia, o.DocumentId, o.Status.ToString(),
                adviceShown ? o.AdviceUphold : null, adviceShown ? o.AdviceReasoning : null, adviceShown ? o.AdvisedAtUtc : null, o.ResolutionReasoning, o.DeviationReason, o.ResolvedAtUtc, o.OutcomeLetterDocumentId, o.SupersededAtUtc is not null));
        }
        return result;
    }

    /// <summary>May read an objection's documents: the objecting application's organisations, Procurement and Legal.</summary>
    public static async Task<bool> MayReadAsync(TenderFlowDbContext db, Guid objectionId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal))
        {
            return true;
        }
        if (!user.IsInRole(Roles.Bidder) || user.OrganisationId() is not { } organisation)
        {
            return false;
        }
        var objection = await db.Objections.AsNoTracking().SingleOrDefaultAsync(o => o.Id == objectionId, ct);
        if (objection is null)
        {
            return false;
        }
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == objection.ApplicationId, ct);
        return application.LeadOrganisationId == organisation || application.HasMember(organisation);
    }

    private async Task NotifyStaffAsync(Guid tenderId, Domain.Workflow.Definitions.LocalizedText text, CancellationToken ct)
    {
        var roleIds = await db.Roles.Where(r => r.Name == Roles.Procurement || r.Name == Roles.Legal).Select(r => r.Id).ToListAsync(ct);
        var users = await db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId).Distinct().ToListAsync(ct);
        notifier.NotifyUsers(db, users, tenderId, "award.objection.filed", text, $"/tenders/{tenderId}/gunning");
    }
}
