using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Award;

/// <summary>The public award notice: to whom, when and from when — only once the award is final (implementation on), never before.</summary>
public sealed class PublicAwardViewComponent(TenderFlowDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid tenderId)
    {
        var ct = HttpContext.RequestAborted;
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenderId, ct);
        if (tender is null || !AwardNames.AwardedPhases.Contains(tender.Phase))
        {
            return Content(string.Empty);
        }
        var decision = await db.AwardDecisions.AsNoTracking()
            .Where(d => d.TenderId == tenderId && d.RevisedAtUtc == null && d.FinalAwardAtUtc != null).OrderByDescending(d => d.FinalAwardAtUtc).FirstOrDefaultAsync(ct);
        if (decision is null)
        {
            return Content(string.Empty);
        }
        var (name, members) = await ParticipantNames.OfApplicationAsync(db, decision.ApplicationId, ct);
        var contract = await db.ContractRecords.AsNoTracking().SingleOrDefaultAsync(c => c.TenderId == tenderId, ct);
        DateOnly? start = contract?.StartDate
            ?? (tender.Deadline(AwardNames.ContractStart)?.DueAtUtc is { } planned ? DateOnly.FromDateTime(Domain.Time.AmsterdamTime.ToLocal(planned)) : null);
        return View("~/Features/Award/_PublicAward.cshtml", new AwardNotice(name, members, decision.FinalAwardAtUtc!.Value, start));
    }
}

public sealed record AwardNotice(string AwardedTo, IReadOnlyList<string> Members, DateTime FinalAwardAtUtc, DateOnly? ContractStart);
