using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Consultation;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Accounts;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Seed;

/// <summary>
/// The market consultation of the nota van uitgangspunten (ch. 4: five sessions Dec 2024 – Feb 2025 plus the client panel),
/// spread evenly over the time left before the planned publication so every session still lies ahead, with a few
/// registrations of demo organisations. "Sessie 2 Zorg op maat" is full and has a waiting list; wijkzorg is not in it,
/// so a newcomer signing in as wijkzorg lands on the waiting list there.
/// </summary>
public static class ConsultationDemoSeed
{
    private sealed record Plan(string Title, string Topic, ConsultationAudience Audience, string? Location, string? OnlineUrl, TimeOnly Start, TimeSpan Length, int Capacity);

    private static readonly Plan[] Sessions =
    [
        new("Sessie 1 Integrale gebiedsteams", "Toetsen van het idee om integrale gebiedsteams in te richten: wat zijn de kansen, de risico's en de randvoorwaarden?",
            ConsultationAudience.Executives, "Stadskantoor Utrecht, Stadsplateau 1, 3521 AZ Utrecht (zaal 6.12)", null, new(14, 0), TimeSpan.FromHours(2.5), 40),
        new("Sessie 2 Zorg op maat", "Zorg op maat, met professionals en cliënten: wat betekent zorg op maat in tijden van schaarste, welke kansen liggen er om de beweging naar voren te maken, meer groepsgericht te werken en meer domotica in te zetten?",
            ConsultationAudience.Professionals, "Wijkcentrum De Leeuw, Mississippidreef 95, 3565 CE Utrecht", null, new(10, 0), TimeSpan.FromHours(2), 6),
        new("Klankbordgroep panel Meetellen", "Cliënten en ervaringsdeskundigen over de beoogde veranderingen: collectief werken over de sporen heen, begeleiding in groepen en de inzet van digitale middelen.",
            ConsultationAudience.Clients, "Stadskantoor Utrecht, Stadsplateau 1, 3521 AZ Utrecht (zaal 2.03)", null, new(13, 30), TimeSpan.FromHours(2), 15),
        new("Sessie 3 De opdracht aan de aanvullende zorg", "De inhoud van de opdracht aan de aanvullende zorg en de integrale gebiedsteams; aanbieders van aanvullende jeugdzorg vertellen over hun ervaringen met werken in integrale gebiedsteams.",
            ConsultationAudience.Executives, "Stadskantoor Utrecht, Stadsplateau 1, 3521 AZ Utrecht (zaal 6.12)", "https://meet.utrecht.example.nl/marktconsultatie-sessie-3", new(14, 0), TimeSpan.FromHours(2.5), 40),
        new("Sessie 4 Verdieping op de inhoudelijke thema's", "Ambulante begeleiding, groepsgerichte dagactiviteiten, regie op de ondersteuning, gebiedsindeling en mogelijke organisatievormen; in een subsessie digitalisering.",
            ConsultationAudience.Open, null, "https://meet.utrecht.example.nl/marktconsultatie-sessie-4", new(9, 30), TimeSpan.FromHours(3), 60),
        new("Sessie 5 Terugkoppeling en vervolg", "Terugkoppeling van de opbrengsten van alle sessies en de vertaling daarvan naar de nota van uitgangspunten; informatie over het vervolgproces en de dialooggerichte aanbesteding.",
            ConsultationAudience.Open, "Stadskantoor Utrecht, Stadsplateau 1, 3521 AZ Utrecht (Raadzaal)", "https://meet.utrecht.example.nl/marktconsultatie-sessie-5", new(15, 0), TimeSpan.FromHours(2), 80),
    ];

    /// <summary>(session index, organisation name, attendees as name + function); in this order, first come first served.</summary>
    private static readonly (int Session, string Organisation, (string Name, string Function)[] Attendees)[] Registrations =
    [
        (0, "Stichting Wijkzorg Overvecht", [("Marieke Jansen", "Bestuurder"), ("Youssef El Amrani", "Manager zorg")]),
        (0, "Begeleid Thuis Leidsche Rijn", [("Henk de Graaf", "Directeur")]),
        (0, "Coöperatie Ervaringskracht Utrecht", [("Saskia Bos", "Coördinator ervaringsdeskundigen")]),
        (1, "Begeleid Thuis Leidsche Rijn", [("Fatma Yilmaz", "Ambulant begeleider"), ("Joost van Leeuwen", "Teamleider"), ("Lotte Smit", "Gedragswetenschapper")]),
        (1, "Dagbesteding De Werkplaats Zuilen", [("Ruud Verhoeven", "Activiteitenbegeleider"), ("Anouk de Wit", "Teamcoördinator"), ("Mohamed Bakker", "Jobcoach")]),
        (1, "Zorgcollectief Kanaleneiland", [("Priya Ramdin", "Ambulant begeleider"), ("Kees Mulder", "Praktijkopleider")]),
        (3, "Dagbesteding De Werkplaats Zuilen", [("Ingrid Hoekstra", "Directeur-bestuurder")]),
    ];

    public static async Task SeedAsync(TenderFlowDbContext db, AuditTrail trail, TimeProvider clock, Tender tender, TenderFlowUser buyer,
        IEnumerable<(TenderFlowUser User, Guid? OrganisationId)> bidders, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var publication = tender.Deadline("publication")?.DueAtUtc ?? throw new InvalidOperationException("The demo tender has no publication date.");
        var today = DateOnly.FromDateTime(AmsterdamTime.ToLocal(now));
        var span = DateOnly.FromDateTime(AmsterdamTime.ToLocal(publication)).DayNumber - today.DayNumber;
        if (span < Sessions.Length + 2)
        {
            throw new InvalidOperationException("The demo's publication date is too close to plan the consultation sessions before it.");
        }
        var userOf = bidders.Where(b => b.OrganisationId is not null).ToDictionary(b => b.OrganisationId!.Value, b => b.User.Id);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id, cancellationToken);

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var sessions = new List<ConsultationSession>();
        var buyerRecords = new List<AuditRecord>();
        for (var i = 0; i < Sessions.Length; i++)
        {
            var plan = Sessions[i];
            var day = Weekday(today.AddDays(span * (i + 1) / (Sessions.Length + 1)));
            var start = AmsterdamTime.ToUtcLenient(day.ToDateTime(plan.Start));
            var closes = AmsterdamTime.ToUtcLenient(day.AddDays(-2).ToDateTime(new TimeOnly(12, 0)));
            var schedule = new SessionSchedule(plan.Title, plan.Topic, plan.Audience, plan.Location, plan.OnlineUrl, start, start + plan.Length, plan.Capacity,
                closes > now ? closes : start);
            if (schedule.Validate(now) is { } broken)
            {
                throw new InvalidOperationException($"Demo session '{plan.Title}' is invalid: {broken.Rule}");
            }
            var session = new ConsultationSession { Id = Guid.NewGuid(), TenderId = tender.Id, Title = "", Topic = "", CreatedAtUtc = now, UpdatedAtUtc = now };
            schedule.ApplyTo(session);
            db.ConsultationSessions.Add(session);
            sessions.Add(session);
            buyerRecords.Add(new AuditRecord("consultation.session.scheduled", $"consultation-session/{session.Id}",
                new { title = session.Title, audience = session.Audience.ToString(), startsAtUtc = session.StartsAtUtc, capacity = session.Capacity }));
        }
        await trail.AppendAsync(db, buyer.Id, Roles.Procurement, tender.Id, buyerRecords, cancellationToken);
        // The trail reads its head from the database, so each append is saved before the next.
        await db.SaveChangesAsync(cancellationToken);

        var queue = 0L;
        foreach (var (index, organisationName, attendees) in Registrations)
        {
            var session = sessions[index];
            var organisation = organisations[organisationName];
            var existing = db.SessionRegistrations.Local.Where(r => r.SessionId == session.Id).ToList();
            // Organisations without a demo login were entered by the seeder; the others by their own bidder user.
            var (actorId, role) = userOf.TryGetValue(organisation, out var userId) ? (userId, Roles.Bidder) : (DemoAuditRecords.ActorId, Roles.System);
            var registration = new SessionRegistration
            {
                Id = Guid.NewGuid(), SessionId = session.Id, TenderId = tender.Id, OrganisationId = organisation,
                Status = WaitingList.Place(session.Capacity, existing, attendees.Length), QueueNumber = ++queue, CreatedAtUtc = now, CreatedByUserId = actorId,
            };
            registration.Attendees.AddRange(attendees.Select(a => new SessionAttendee
            {
                Id = Guid.NewGuid(), RegistrationId = registration.Id, Name = a.Name, Function = a.Function, Email = Email(a.Name, organisationName),
            }));
            db.SessionRegistrations.Add(registration);
            var action = registration.Status == RegistrationStatus.Registered ? "consultation.registration.registered" : "consultation.registration.waitlisted";
            await trail.AppendAsync(db, actorId, role, tender.Id, [new AuditRecord(action, $"consultation-registration/{registration.Id}",
                new { session = session.Id, organisation, attendees = attendees.Length, queueNumber = registration.QueueNumber })], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
    }

    private static DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(-1),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static string Email(string name, string organisation)
    {
        static string Slug(string text) => new(text.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetterOrDigit(c)).ToArray());
        var parts = name.Split(' ');
        return $"{Slug(parts[0])}.{Slug(string.Concat(parts.Skip(1)))}@{Slug(organisation)}.example.nl";
    }
}
