using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Consultation;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Features.Consultation;

public sealed record AttendanceMark(Guid AttendeeId, bool Attended);

/// <summary>Procurement records who came, once the session has started; only attendees of registered (not waiting, not cancelled) registrations.</summary>
public sealed class SessionAttendance(TenderFlowDbContext db, AuditTrail trail, TimeProvider clock)
{
    public async Task<RuleViolation?> RecordAsync(Guid tenderId, Guid sessionId, IReadOnlyList<AttendanceMark> marks, Actor actor, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await db.ConsultationSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.TenderId == tenderId, cancellationToken);
        if (session is null)
        {
            return ConsultationRules.SessionNotFound(sessionId);
        }
        if (session.IsCancelled)
        {
            return ConsultationRules.SessionCancelled();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < session.StartsAtUtc)
        {
            return ConsultationRules.AttendanceBeforeStart();
        }
        var attendees = await db.SessionRegistrations.Where(r => r.SessionId == sessionId && r.Status == RegistrationStatus.Registered)
            .SelectMany(r => r.Attendees).ToDictionaryAsync(a => a.Id, cancellationToken);
        var changes = new List<object>();
        foreach (var mark in marks)
        {
            if (!attendees.TryGetValue(mark.AttendeeId, out var attendee))
            {
                return ConsultationRules.AttendeeNotFound(mark.AttendeeId);
            }
            if (attendee.Attended != mark.Attended)
            {
                changes.Add(new { attendee = attendee.Id, registration = attendee.RegistrationId, before = attendee.Attended, attended = mark.Attended });
                attendee.Attended = mark.Attended;
                attendee.AttendanceRecordedAtUtc = now;
            }
        }
        if (changes.Count > 0)
        {
            await trail.AppendAsync(db, actor.Id, actor.AuditRole(Roles.Procurement), tenderId,
                [new AuditRecord("consultation.attendance.recorded", $"consultation-session/{sessionId}", new { changes })], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        return null;
    }
}
