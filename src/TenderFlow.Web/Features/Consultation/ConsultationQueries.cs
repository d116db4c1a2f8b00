using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Consultation;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Documents;

namespace TenderFlow.Web.Features.Consultation;

/// <summary>
/// Reads for the API and the portal. A bidder's view carries only its own organisation's registration; counts of
/// places are public, other organisations' names and attendees never are. The caller has checked tender visibility.
/// </summary>
public sealed class ConsultationQueries(TenderFlowDbContext db, ConsultationPhase phase, DocumentReads reads, TimeProvider clock)
{
    public async Task<List<SessionView>> SessionsAsync(Tender tender, ClaimsPrincipal user, CancellationToken cancellationToken, Guid? onlySession = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = await db.ConsultationSessions.AsNoTracking()
            .Where(s => s.TenderId == tender.Id && (onlySession == null || s.Id == onlySession))
            .OrderBy(s => s.StartsAtUtc).ToListAsync(cancellationToken);
        var registrations = await db.SessionRegistrations.AsNoTracking().Include(r => r.Attendees)
            .Where(r => r.TenderId == tender.Id && (onlySession == null || r.SessionId == onlySession))
            .OrderBy(r => r.QueueNumber).ToListAsync(cancellationToken);
        var reports = await db.Documents.AsNoTracking()
            .Where(d => d.TenderId == tender.Id && d.Kind == SessionReports.Kind && d.SupersededAtUtc == null).ToListAsync(cancellationToken);
        var registrationOpen = await phase.IsOpenAsync(db, tender, ConsultationPhase.Registration, cancellationToken);
        var organisation = user.IsInRole(Roles.Bidder) ? user.OrganisationId() : null;
        var organisationName = organisation is null ? "" : await db.Organisations.Where(o => o.Id == organisation).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
        var anonymous = user.Identity?.IsAuthenticated != true;

        var views = new List<SessionView>();
        foreach (var session in sessions)
        {
            var ofSession = registrations.Where(r => r.SessionId == session.Id).ToList();
            var active = ofSession.Where(r => r.Status != RegistrationStatus.Cancelled).ToList();
            var own = organisation is null ? null
                : ofSession.Where(r => r.OrganisationId == organisation).OrderBy(r => r.Status == RegistrationStatus.Cancelled).ThenByDescending(r => r.QueueNumber).FirstOrDefault();
            Guid? reportId = null;
            if (reports.FirstOrDefault(d => d.Owner == session.ReportOwner) is { } report)
            {
                var access = await reads.DecideAsync(report, user, cancellationToken);
                reportId = access == DocumentAccess.Allowed || (access == DocumentAccess.AllowedAndAudited && !anonymous) ? report.Id : null;
            }
            views.Add(SessionView.From(session, active, now, registrationOpen, reportId, own is null ? null : View(own, organisationName, active),
                OnlineLink.MayJoin(user, own)));
        }
        return views;
    }

    /// <summary>Registrations of one session: all for staff, or only those of <paramref name="onlyOrganisation"/>.</summary>
    public async Task<List<RegistrationView>> RegistrationsAsync(Guid sessionId, Guid? onlyOrganisation, CancellationToken cancellationToken)
    {
        var registrations = await db.SessionRegistrations.AsNoTracking().Include(r => r.Attendees)
            .Where(r => r.SessionId == sessionId).OrderBy(r => r.QueueNumber).ToListAsync(cancellationToken);
        var names = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var active = registrations.Where(r => r.Status != RegistrationStatus.Cancelled).ToList();
        return registrations.Where(r => onlyOrganisation is null || r.OrganisationId == onlyOrganisation)
            .Select(r => View(r, names.GetValueOrDefault(r.OrganisationId, ""), active)).ToList();
    }

    private static RegistrationView View(SessionRegistration r, string organisationName, List<SessionRegistration> active)
    {
        int? position = r.Status == RegistrationStatus.WaitingList
            ? active.Where(a => a.Status == RegistrationStatus.WaitingList).OrderBy(a => a.QueueNumber).ToList().FindIndex(a => a.Id == r.Id) + 1
            : null;
        return new RegistrationView(r.Id, r.SessionId, r.OrganisationId, organisationName, r.Status.ToString(), r.QueueNumber, position,
            r.CreatedAtUtc, r.PromotedAtUtc, r.CancelledAtUtc,
            r.Attendees.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => new AttendeeView(a.Id, a.Name, a.Email, a.Function, a.Attended)).ToList());
    }
}
