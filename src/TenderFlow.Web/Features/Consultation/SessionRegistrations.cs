using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Consultation;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Notifications;

namespace TenderFlow.Web.Features.Consultation;

/// <summary>
/// Organisations register named attendees and cancel, until the session's registration deadline by the server clock.
/// The audit trail records organisations and counts, not the attendees' names and addresses: it can never be erased,
/// personal data in it could not be removed on request.
/// </summary>
public sealed class SessionRegistrations(TenderFlowDbContext db, ConsultationPhase phase, AuditTrail trail, Notifier notifier, TimeProvider clock)
{
    public Task<List<SessionRegistration>> ActiveAsync(Guid sessionId, CancellationToken cancellationToken) =>
        db.SessionRegistrations.Include(r => r.Attendees)
            .Where(r => r.SessionId == sessionId && r.Status != RegistrationStatus.Cancelled)
            .OrderBy(r => r.QueueNumber).ToListAsync(cancellationToken);

    public async Task<(SessionRegistration? Registration, RuleViolation? Violation)> RegisterAsync(
        Guid tenderId, Guid sessionId, Guid organisationId, IReadOnlyList<AttendeeInput> attendees, Actor actor, CancellationToken cancellationToken,
        IReadOnlyList<int>? rows = null)
    {
        // The moment the registration arrived, not the moment the write lock was free (another writer may hold it across the deadline).
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var (session, refused) = await LoadOpenAsync(tenderId, sessionId, now, cancellationToken);
        if (session is null)
        {
            return (null, refused);
        }
        if (AttendeeInput.Validate(attendees, session.Capacity, rows) is { } invalid)
        {
            return (null, invalid);
        }
        var active = await ActiveAsync(sessionId, cancellationToken);
        if (active.Any(r => r.OrganisationId == organisationId))
        {
            return (null, ConsultationRules.AlreadyRegistered());
        }
        var queue = await db.SessionRegistrations.Where(r => r.SessionId == sessionId).MaxAsync(r => (long?)r.QueueNumber, cancellationToken) ?? 0;
        var registration = new SessionRegistration
        {
            Id = Guid.NewGuid(), SessionId = sessionId, TenderId = tenderId, OrganisationId = organisationId,
            Status = WaitingList.Place(session.Capacity, active, attendees.Count),
            QueueNumber = queue + 1, CreatedAtUtc = now, CreatedByUserId = actor.Id,
        };
        registration.Attendees.AddRange(attendees.Select(a => new SessionAttendee
        {
            Id = Guid.NewGuid(), RegistrationId = registration.Id, Name = a.Name!.Trim(), Email = a.Email!.Trim(), Function = a.Function!.Trim(),
        }));
        db.SessionRegistrations.Add(registration);
        var action = registration.Status == RegistrationStatus.Registered ? "consultation.registration.registered" : "consultation.registration.waitlisted";
        await trail.AppendAsync(db, actor.Id, actor.AuditRole(Roles.Bidder), tenderId,
            [new AuditRecord(action, $"consultation-registration/{registration.Id}", new
            {
                session = sessionId, organisation = organisationId, attendees = registration.Attendees.Count, queueNumber = registration.QueueNumber,
            })], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return (registration, null);
    }

    /// <summary>Cancels the organisation's own registration; another organisation's registration does not exist for it.</summary>
    public async Task<RuleViolation?> CancelAsync(Guid tenderId, Guid sessionId, Guid registrationId, Guid organisationId, Actor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var registration = await db.SessionRegistrations.SingleOrDefaultAsync(
            r => r.Id == registrationId && r.SessionId == sessionId && r.TenderId == tenderId && r.OrganisationId == organisationId, cancellationToken);
        if (registration is null || registration.Status == RegistrationStatus.Cancelled)
        {
            return ConsultationRules.RegistrationNotFound(registrationId);
        }
        var (session, refused) = await LoadOpenAsync(tenderId, sessionId, now, cancellationToken);
        if (session is null)
        {
            return refused;
        }
        var previous = registration.Status;
        registration.Status = RegistrationStatus.Cancelled;
        registration.CancelledAtUtc = now;
        registration.CancelledByUserId = actor.Id;
        await db.SaveChangesAsync(cancellationToken);
        var records = new List<AuditRecord>
        {
            new("consultation.registration.cancelled", $"consultation-registration/{registration.Id}",
                new { session = sessionId, organisation = organisationId, previousStatus = previous.ToString() }),
        };
        records.AddRange(await PromoteAsync(session, await ActiveAsync(sessionId, cancellationToken), now, cancellationToken));
        await trail.AppendAsync(db, actor.Id, actor.AuditRole(Roles.Bidder), tenderId, records, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Moves waiting registrations up while they fit and tells each promoted organisation; returns the audit records.</summary>
    public async Task<IReadOnlyList<AuditRecord>> PromoteAsync(ConsultationSession session, IReadOnlyCollection<SessionRegistration> active, DateTime now, CancellationToken cancellationToken)
    {
        var records = new List<AuditRecord>();
        foreach (var promoted in WaitingList.Promotable(session.Capacity, active))
        {
            promoted.Status = RegistrationStatus.Registered;
            promoted.PromotedAtUtc = now;
            records.Add(new AuditRecord("consultation.registration.promoted", $"consultation-registration/{promoted.Id}",
                new { session = session.Id, organisation = promoted.OrganisationId, attendees = promoted.Attendees.Count, queueNumber = promoted.QueueNumber }));
            await notifier.NotifyOrganisationsAsync(db, [promoted.OrganisationId], session.TenderId, "consultation.registration.promoted",
                new LocalizedText(
                    $"Er is plaats vrijgekomen: uw aanmelding voor “{session.Title}” ({Domain.Time.AmsterdamTime.Format(session.StartsAtUtc)}) staat niet meer op de wachtlijst en is definitief.",
                    $"A place became free: your registration for “{session.Title}” ({Domain.Time.AmsterdamTime.Format(session.StartsAtUtc)}) has moved up from the waiting list and is confirmed."),
                ConsultationActors.SessionLink(session.TenderId, session.Id), cancellationToken, SessionCalendar.ForNotification(session, withOnlineLink: true));
        }
        return records;
    }

    private async Task<(ConsultationSession? Session, RuleViolation? Violation)> LoadOpenAsync(Guid tenderId, Guid sessionId, DateTime now, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenderId, cancellationToken);
        var session = await db.ConsultationSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.TenderId == tenderId, cancellationToken);
        if (tender is null || session is null)
        {
            return (null, ConsultationRules.SessionNotFound(sessionId));
        }
        if (!await phase.IsOpenAsync(db, tender, ConsultationPhase.Registration, cancellationToken))
        {
            return (null, ConsultationRules.PhaseClosed(ConsultationPhase.Registration));
        }
        if (session.IsCancelled)
        {
            return (null, ConsultationRules.SessionCancelled());
        }
        // The deadline moment itself is closed, as every deadline in TenderFlow: open strictly before it.
        return now >= session.RegistrationClosesAtUtc ? (null, ConsultationRules.RegistrationClosed(session.RegistrationClosesAtUtc)) : (session, null);
    }
}
