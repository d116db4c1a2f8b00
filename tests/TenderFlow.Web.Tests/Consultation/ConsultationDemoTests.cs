using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Consultation;
using TenderFlow.Web.Data;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Consultation;

public sealed class ConsultationDemoTests : IDisposable
{
    private readonly TenderFlowFactory _app = new() { Demo = true };

    [Fact]
    public async Task The_demo_tender_has_the_seed_sessions_before_publication_and_one_full_session_with_a_waiting_list()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var tender = await db.Tenders.Include(t => t.Deadlines).SingleAsync();
        var sessions = await db.ConsultationSessions.Where(s => s.TenderId == tender.Id).OrderBy(s => s.StartsAtUtc).ToListAsync();
        var publication = tender.Deadline("publication")!.DueAtUtc!.Value;
        var now = _app.Clock.GetUtcNow().UtcDateTime;

        Assert.Equal(6, sessions.Count);
        Assert.All(sessions, s => Assert.True(s.StartsAtUtc > now && s.EndsAtUtc < publication && s.RegistrationClosesAtUtc > now, s.Title));
        Assert.Contains(sessions, s => s.Audience == ConsultationAudience.Executives);
        Assert.Contains(sessions, s => s.Audience == ConsultationAudience.Professionals);
        Assert.Contains(sessions, s => s.Audience == ConsultationAudience.Clients);

        var full = sessions.Single(s => s.Title == "Sessie 2 Zorg op maat");
        var registrations = await db.SessionRegistrations.Include(r => r.Attendees).Where(r => r.SessionId == full.Id).ToListAsync();
        Assert.Equal(0, WaitingList.PlacesLeft(full.Capacity, registrations));
        Assert.Contains(registrations, r => r.Status == RegistrationStatus.WaitingList);
        Assert.Equal(7, await db.AuditEvents.CountAsync(e => e.Action.StartsWith("consultation.registration.")));
    }

    public void Dispose() => _app.Dispose();
}
