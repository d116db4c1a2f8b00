using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Consultation;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Notifications;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Consultation;

/// <summary>Procurement schedules, changes and cancels sessions; each write is one transaction with its audit events.</summary>
public sealed class SessionScheduling(TenderFlowDbContext db, ConsultationPhase phase, AuditTrail trail, Notifier notifier, SessionRegistrations registrations, TimeProvider clock)
{
    public async Task<(ConsultationSession? Session, RuleViolation? Violation)> ScheduleAsync(Guid tenderId, SessionSchedule schedule, Actor actor, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var tender = await db.Tenders.SingleOrDefaultAsync(t => t.Id == tenderId, cancellationToken);
        if (tender is null)
        {
            return (null, TenderRules.NotFound(tenderId));
        }
        if (!await phase.IsOpenAsync(db, tender, ConsultationPhase.Sessions, cancellationToken))
        {
            return (null, ConsultationRules.PhaseClosed(ConsultationPhase.Sessions));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (schedule.Validate(now) is { } invalid)
        {
            return (null, invalid);
        }
        var session = new ConsultationSession
        {
            Id = Guid.NewGuid(), TenderId = tenderId, Title = "", Topic = "", CreatedAtUtc = now, UpdatedAtUtc = now, Sequence = 0,
        };
        schedule.ApplyTo(session);
        db.ConsultationSessions.Add(session);
        await trail.AppendAsync(db, actor.Id, actor.AuditRole(Roles.Procurement), tenderId,
            [new AuditRecord("consultation.session.scheduled", $"consultation-session/{session.Id}", Describe(session))], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return (session, null);
    }

    public async Task<RuleViolation?> UpdateAsync(Guid tenderId, Guid sessionId, SessionSchedule schedule, Actor actor, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var (session, refused) = await LoadChangeableAsync(tenderId, sessionId, cancellationToken);
        if (session is null)
        {
            return refused;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (schedule.Validate(now) is { } invalid)
        {
            return invalid;
        }
        var active = await registrations.ActiveAsync(sessionId, cancellationToken);
        var taken = WaitingList.Taken(active);
        if (schedule.Capacity < taken)
        {
            return ConsultationRules.CapacityBelowRegistered(taken);
        }
        var before = Describe(session);
        schedule.ApplyTo(session);
        session.Sequence++;
        session.UpdatedAtUtc = now;
        var records = new List<AuditRecord> { new("consultation.session.updated", $"consultation-session/{session.Id}", new { before, after = Describe(session) }) };
        // A larger room makes room for the waiting list.
        records.AddRange(await registrations.PromoteAsync(session, active, now, cancellationToken));
        await NotifyAsync(session, active, "consultation.session.updated",
            new LocalizedText($"De consultatiesessie “{session.Title}” is gewijzigd. Bekijk de nieuwe gegevens.",
                $"The consultation session “{session.Title}” has changed. See the new details."), cancellationToken);
        await trail.AppendAsync(db, actor.Id, actor.AuditRole(Roles.Procurement), tenderId, records, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>A session that has not started can be cancelled in any phase: after publication or a withdrawn tender nobody may be left expecting it.</summary>
    public async Task<RuleViolation?> CancelAsync(Guid tenderId, Guid sessionId, Actor actor, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var (session, refused) = await LoadChangeableAsync(tenderId, sessionId, cancellationToken, anyPhase: true);
        if (session is null)
        {
            return refused;
        }
        await trail.AppendAsync(db, actor.Id, actor.AuditRole(Roles.Procurement), tenderId,
            [await CancelSessionAsync(session, clock.GetUtcNow().UtcDateTime, cancellationToken)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Cancels a tracked session and tells everyone registered or waiting, in the caller's transaction; returns the audit record.</summary>
    public async Task<AuditRecord> CancelSessionAsync(ConsultationSession session, DateTime now, CancellationToken cancellationToken)
    {
        session.CancelledAtUtc = now;
        session.UpdatedAtUtc = now;
        session.Sequence++;
        var active = await registrations.ActiveAsync(session.Id, cancellationToken);
        await NotifyAsync(session, active, "consultation.session.cancelled",
            new LocalizedText($"De consultatiesessie “{session.Title}” van {Domain.Time.AmsterdamTime.Format(session.StartsAtUtc)} gaat niet door.",
                $"The consultation session “{session.Title}” of {Domain.Time.AmsterdamTime.Format(session.StartsAtUtc)} has been cancelled."), cancellationToken);
        return new AuditRecord("consultation.session.cancelled", $"consultation-session/{session.Id}",
            new { title = session.Title, startsAtUtc = session.StartsAtUtc, registrations = active.Count, sequence = session.Sequence });
    }

    /// <summary>Tells every active registration; the calendar event carries the online link only for confirmed ones (<see cref="OnlineLink"/>).</summary>
    private async Task NotifyAsync(ConsultationSession session, IReadOnlyCollection<SessionRegistration> active, string kind, LocalizedText text, CancellationToken cancellationToken)
    {
        foreach (var confirmed in new[] { true, false })
        {
            var organisations = active.Where(r => (r.Status == RegistrationStatus.Registered) == confirmed).Select(r => r.OrganisationId).ToList();
            if (organisations.Count > 0)
            {
                await notifier.NotifyOrganisationsAsync(db, organisations, session.TenderId, kind, text, ConsultationActors.SessionLink(session.TenderId, session.Id),
                    cancellationToken, SessionCalendar.ForNotification(session, withOnlineLink: confirmed));
            }
        }
    }

    private async Task<(ConsultationSession? Session, RuleViolation? Violation)> LoadChangeableAsync(Guid tenderId, Guid sessionId, CancellationToken cancellationToken,
        bool anyPhase = false)
    {
        var tender = await db.Tenders.SingleOrDefaultAsync(t => t.Id == tenderId, cancellationToken);
        var session = await db.ConsultationSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.TenderId == tenderId, cancellationToken);
        if (tender is null || session is null)
        {
            return (null, ConsultationRules.SessionNotFound(sessionId));
        }
        if (!anyPhase && !await phase.IsOpenAsync(db, tender, ConsultationPhase.Sessions, cancellationToken))
        {
            return (null, ConsultationRules.PhaseClosed(ConsultationPhase.Sessions));
        }
        if (session.IsCancelled)
        {
            return (null, ConsultationRules.SessionCancelled());
        }
        return session.StartsAtUtc <= clock.GetUtcNow().UtcDateTime ? (null, ConsultationRules.SessionStarted()) : (session, null);
    }

    private static object Describe(ConsultationSession s) => new
    {
        title = s.Title, topic = s.Topic, audience = s.Audience.ToString(), location = s.Location, onlineUrl = s.OnlineUrl,
        startsAtUtc = s.StartsAtUtc, endsAtUtc = s.EndsAtUtc, capacity = s.Capacity, registrationClosesAtUtc = s.RegistrationClosesAtUtc, sequence = s.Sequence,
    };
}
