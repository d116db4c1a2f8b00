using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Deadlines.Incidents;

/// <summary>A deadline job: <c>Planned</c> (not run yet; no id), or <c>Done</c> / <c>Skipped</c> with when and what happened.</summary>
public sealed record DeadlineJobView(Guid? Id, string Deadline, string Kind, string Offset, DateTime DeadlineDueAtUtc, DateTime RunAtUtc, string State,
    DateTime? CompletedAtUtc, double? LateBySeconds, string? Outcome);

public sealed record IncidentView(Guid Id, string Kind, string Message, DateTime OccurredAtUtc, DateTime? ResolvedAtUtc);

public sealed record DeadlineJobsView(IReadOnlyList<IncidentView> Incidents, IReadOnlyList<DeadlineJobView> Jobs);

public static class IncidentEndpoints
{
    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/api/tenders/{id:guid}").WithTags("Deadlines").RequireAuthorization(TenderPolicies.SignedIn);

        group.MapGet("/deadline-jobs", async (Guid id, HttpContext http, TenderSteps steps, DeadlineSchedule schedule, TenderFlowDbContext db, TimeProvider clock,
            CancellationToken ct) =>
        {
            var loaded = await steps.LoadAsync(id, ct);
            if (await http.RefuseAsync(loaded?.Tender, id, TenderOperations.ReadAudit) is { } refused)
            {
                return (IResult)refused;
            }
            var (tender, definition) = loaded!.Value;
            var incidents = await db.TenderIncidents.AsNoTracking().Where(i => i.TenderId == id).OrderBy(i => i.OccurredAtUtc)
                .Select(i => new IncidentView(i.Id, i.Kind, i.Message, i.OccurredAtUtc, i.ResolvedAtUtc)).ToListAsync(ct);
            var ran = (await db.DeadlineJobs.AsNoTracking().Where(j => j.TenderId == id).ToListAsync(ct))
                .Select(j => new DeadlineJobView(j.Id, j.DeadlineKey, j.Kind.ToString(), j.Offset, j.DeadlineDueAtUtc, j.RunAtUtc, j.State.ToString(),
                    j.CompletedAtUtc, Math.Round(j.LatenessMilliseconds / 1000.0, 1), j.Outcome));
            var planned = (await schedule.WaitingAsync(tender, definition, clock.GetUtcNow().UtcDateTime, ct))
                .Select(j => new DeadlineJobView(null, j.DeadlineKey, j.Kind.ToString(), j.Offset, j.DeadlineDueAtUtc, j.RunAtUtc, "Planned", null, null, null));
            var jobs = ran.Concat(planned).OrderBy(j => j.RunAtUtc).ThenBy(j => j.Kind).ToList();
            return TypedResults.Ok(new DeadlineJobsView(incidents, jobs));
        }).WithName("ListDeadlineJobs");

        group.MapPost("/incidents/{incidentId:guid}/resolve", async (Guid id, Guid incidentId, ResolveIncidentRequest request, HttpContext http, TenderSteps steps,
            IncidentResolution incidents, CancellationToken ct) =>
        {
            if (await http.RefuseAsync((await steps.LoadAsync(id, ct))?.Tender, id, TenderOperations.Manage) is { } refused)
            {
                return (IResult)refused;
            }
            return await incidents.ResolveAsync(id, incidentId, request.Note, http.User.ToActor(), ct) is { } violation
                ? violation.ToProblem(http)
                : TypedResults.NoContent();
        }).WithName("ResolveIncident");
    }
}
