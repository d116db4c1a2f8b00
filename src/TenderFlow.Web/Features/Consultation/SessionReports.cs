using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Consultation;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Notifications;

namespace TenderFlow.Web.Features.Consultation;

/// <summary>Procurement uploads a session's report (kind <c>consultation.report</c>), public or for the registered organisations only.</summary>
public sealed class SessionReports(TenderFlowDbContext db, ConsultationPhase phase, DocumentIntake intake, AuditTrail trail, Notifier notifier)
{
    public const string Kind = "consultation.report";

    public async Task<(DocumentRecord? Document, RuleViolation? Violation)> PublishAsync(
        Guid tenderId, Guid sessionId, StagedDocument staged, bool isPublic, Actor actor, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenderId, cancellationToken);
        var session = await db.ConsultationSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.TenderId == tenderId, cancellationToken);
        if (tender is null || session is null)
        {
            return (null, ConsultationRules.SessionNotFound(sessionId));
        }
        if (!await phase.IsOpenAsync(db, tender, ConsultationPhase.Reports, cancellationToken))
        {
            return (null, ConsultationRules.PhaseClosed(ConsultationPhase.Reports));
        }
        var (record, uploaded) = await intake.RecordAsync(db, staged, new DocumentTarget(tenderId, session.ReportOwner, Kind, null), actor.Id, cancellationToken);
        session.ReportPublicFromVersion = isPublic ? session.ReportPublicFromVersion ?? record.Version : null;
        var registered = await db.SessionRegistrations.Where(r => r.SessionId == sessionId && r.Status == RegistrationStatus.Registered)
            .Select(r => r.OrganisationId).ToListAsync(cancellationToken);
        await notifier.NotifyOrganisationsAsync(db, registered, tenderId, "consultation.report.published",
            new LocalizedText($"Het verslag van de consultatiesessie “{session.Title}” staat klaar.", $"The report of the consultation session “{session.Title}” is available."),
            $"/api/documents/{record.Id}", cancellationToken);
        await trail.AppendAsync(db, actor.Id, actor.AuditRole(Roles.Procurement), tenderId,
            [uploaded, new AuditRecord("consultation.report.published", $"consultation-session/{sessionId}",
                new { document = record.Id, version = record.Version, isPublic, registeredOrganisations = registered.Count })], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return (record, null);
    }
}
