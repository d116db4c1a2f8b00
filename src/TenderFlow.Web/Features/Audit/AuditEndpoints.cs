using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Audit;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        // With ?anchor=SEQUENCE:HASH (recorded earlier, e.g. a signed export's lastSequence and headHash) it also finds events
        // cut off the end, and a rewrite whose hashes were all recomputed, which the chain alone cannot show.
        app.MapGet("/api/audit/verify", Results<Ok<AuditVerificationView>, ProblemHttpResult> (string? anchor, DataDirectory data, HttpContext http) =>
            {
                AuditAnchor? parsed = null;
                if (anchor is not null && !AuditAnchor.TryParse(anchor, out parsed))
                {
                    return new RuleViolation("InvalidAnchorRule", RuleKind.Invalid,
                        new("Het anker moet de vorm VOLGNUMMER:HASH hebben (bijvoorbeeld 1234:9f86d081…, 64 hexadecimale tekens).", $"The anchor must have the form {AuditAnchor.Format}."), "anchor").ToProblem(http);
                }
                var result = AnchoredVerification.Run(data.ConnectionString, parsed);
                var chain = result.Chain;
                return TypedResults.Ok(new AuditVerificationView(result.Ok ? "OK" : "BROKEN", chain.EventCount, chain.HeadHash, chain.BrokenAtSequence,
                    chain.Problem ?? result.AnchorProblem,
                    parsed is null ? null : new AuditAnchorView(parsed.Sequence, parsed.Hash,
                        !chain.Intact ? "UNCHECKED" : result.AnchorProblem is null ? "MATCHES" : "MISMATCH", result.AnchorProblem)));
            })
            .WithTags("Audit").RequireAuthorization(TenderPolicies.VerifyAudit).WithName("VerifyAudit");

        // The whole trail, including what belongs to no tender (sign-ins, role changes, organisations), page by page.
        app.MapGet("/api/audit/events", async Task<Results<Ok<List<AuditEventView>>, ProblemHttpResult>> (
                long? afterSequence, int? limit, string? action, TenderFlowDbContext db, HttpContext http, CancellationToken ct) =>
            {
                var take = limit ?? 200;
                if (take is < 1 or > 1000)
                {
                    return new RuleViolation("InvalidLimitRule", RuleKind.Invalid,
                        new("limit moet tussen 1 en 1000 liggen.", "limit must be between 1 and 1000."), "limit").ToProblem(http);
                }
                var after = afterSequence ?? 0;
                var query = db.AuditEvents.AsNoTracking().Where(e => e.Sequence > after);
                if (!string.IsNullOrEmpty(action))
                {
                    query = query.Where(e => e.Action == action);
                }
                var events = await ReadableAsync(query.OrderBy(e => e.Sequence).Take(take), ct);
                return events is null ? Unreadable().ToProblem(http) : TypedResults.Ok(await AuditEventView.ForReaderAsync(events, db, http.User, ct));
            })
            .WithTags("Audit").RequireAuthorization(TenderPolicies.VerifyAudit).WithName("ListAuditEvents");
    }

    /// <summary>The events, or null when one holds a value no event can (written behind the app's back): verification names it.</summary>
    public static async Task<List<AuditEvent>?> ReadableAsync(IQueryable<AuditEvent> events, CancellationToken ct)
    {
        try
        {
            var list = await events.ToListAsync(ct);
            return list.All(e => AuditTrailUnreadableException.IsReadable(e.PayloadJson)) ? list : null;
        }
        catch (Exception e) when (e is FormatException or InvalidCastException)
        {
            return null;
        }
    }

    public static RuleViolation Unreadable() => new("AuditTrailUnreadableRule", RuleKind.Conflict,
        new("Het auditspoor kan niet worden gelezen: een gebeurtenis is veranderd in iets wat geen gebeurtenis bevat. GET /api/audit/verify noemt de eerste verbroken gebeurtenis.",
            "The audit trail cannot be read: an event was changed into something no event holds. GET /api/audit/verify names the first broken event."));
}

public sealed record AuditVerificationView(string Status, long EventCount, string HeadHash, long? BrokenAtSequence, string? Problem, AuditAnchorView? Anchor = null);

/// <summary>The anchor checked: MATCHES, MISMATCH, or UNCHECKED when the chain is already broken on its own.</summary>
public sealed record AuditAnchorView(long Sequence, string Hash, string Status, string? Problem);
