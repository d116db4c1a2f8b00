using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Consultation;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Features.Consultation;

/// <summary>The participants list of every session of a tender as CSV; the export of personal data is itself audited.</summary>
public sealed class ParticipantsExport(TenderFlowDbContext db, AuditTrail trail)
{
    public static readonly string[] Header = ["session", "start (Europe/Amsterdam)", "organisation", "kvk", "attendee", "function", "email", "status", "attended"];

    public async Task<string> ExportAsync(Guid tenderId, Actor actor, string role, CancellationToken cancellationToken)
    {
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await (
            from r in db.SessionRegistrations
            join s in db.ConsultationSessions on r.SessionId equals s.Id
            join o in db.Organisations on r.OrganisationId equals o.Id
            from a in r.Attendees
            where r.TenderId == tenderId
            select new { s.Title, s.StartsAtUtc, s.CancelledAtUtc, Organisation = o.Name, o.KvkNumber, a.Name, a.Function, a.Email, r.Status, a.Attended, r.QueueNumber })
            .ToListAsync(cancellationToken);
        var csv = new StringBuilder();
        CsvWriter.AppendRow(csv, Header);
        foreach (var row in rows.OrderBy(r => r.StartsAtUtc).ThenBy(r => r.Title, StringComparer.Ordinal).ThenBy(r => r.QueueNumber).ThenBy(r => r.Name, StringComparer.Ordinal))
        {
            CsvWriter.AppendRow(csv, [
                row.Title, AmsterdamTime.Format(row.StartsAtUtc), row.Organisation, row.KvkNumber, row.Name, row.Function, row.Email,
                row.Status switch
                {
                    RegistrationStatus.Cancelled => "cancelled",
                    _ when row.CancelledAtUtc is not null => "session cancelled",
                    RegistrationStatus.Registered => "registered",
                    _ => "waiting list",
                },
                row.Attended switch { true => "yes", false => "no", null => "" },
            ]);
        }
        await trail.AppendAsync(db, actor.Id, role, tenderId,
            [new AuditRecord("consultation.participants.exported", $"tender/{tenderId}", new { rows = rows.Count })], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return csv.ToString();
    }

    public static string FileName(string reference) => string.Create(CultureInfo.InvariantCulture, $"deelnemers-consultatie-{reference}.csv");
}
