using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Award;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Award.Objections;
using TenderFlow.Web.Features.Participation;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Award;

/// <summary>Announcing the award decision (the letter follows in the step: <see cref="AwardLetterDispatch"/>) and what each caller sees of it.</summary>
public sealed class AwardDecisions(TenderFlowDbContext db, TenderSteps steps, ObjectionService objections, TimeProvider clock)
{
    public async Task<StepReport> AnnounceAsync(Guid tenderId, ClaimsPrincipal user, AnnounceAwardRequest request, CancellationToken ct)
    {
        var (reasons, unreadable) = Domain.Input.EnteredText.Read(request.Reasons, "reasons", multiline: true, "De redenen", "The reasons");
        if (unreadable is not null)
        {
            return new StepReport(null, null, unreadable);
        }
        if (reasons is null)
        {
            return new StepReport(null, null, AwardRules.ReasonsRequired());
        }
        if (reasons.Length > AwardDecision.MaxReasonsLength)
        {
            return new StepReport(null, null, AwardRules.TextTooLong("reasons"));
        }
        return await steps.FireAsync(tenderId, AwardNames.AnnounceTrigger, reasons, request.ExpectedRevision, user.ToActor(), ct);
    }

    /// <summary>Staff see every decision; the participant its own; anyone else (rejected candidates included) none.</summary>
    public async Task<bool> MaySeeDecisionAsync(Guid tenderId, ClaimsPrincipal user, CancellationToken ct) =>
        user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal) || user.IsInRole(Roles.Admin)
            || await SelectedParticipant.IsParticipantAsync(db, tenderId, user, ct);

    public async Task<AwardView> ViewAsync(Tender tender, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var decisions = new List<AwardDecisionView>();
        if (await MaySeeDecisionAsync(tender.Id, user, ct))
        {
            foreach (var d in await db.AwardDecisions.AsNoTracking().Where(d => d.TenderId == tender.Id).OrderByDescending(d => d.AnnouncedAtUtc).ToListAsync(ct))
            {
                var (name, members) = await ParticipantNames.OfApplicationAsync(db, d.ApplicationId, ct);
                decisions.Add(new AwardDecisionView(d.Id, name, members, d.Reasons, d.AnnouncedAtUtc, d.StandstillEndUtc, d.LetterDocumentId,
                    d.RevisedAtUtc, d.RevisionReason, d.FinalAwardAtUtc));
            }
        }
        DateTime? end = tender.Phase == "awardStandstill" && decisions.Count > 0 ? tender.Deadline(AwardNames.AwardStandstillEnd)?.DueAtUtc : null;
        // Calendar days in Amsterdam after today up to the last day of the standstill (the end is 24:00 of that day).
        int? daysLeft = end is { } due ? Math.Max(0, (AmsterdamTime.ToLocal(due.AddTicks(-1)).Date - AmsterdamTime.ToLocal(now).Date).Days) : null;
        return new AwardView(tender.Phase, end, daysLeft, decisions, await objections.VisibleAsync(tender.Id, user, ct),
            await objections.EligibleAsync(tender, user, ObjectedDecision.Award, ct) is null,
            await objections.EligibleAsync(tender, user, ObjectedDecision.Selection, ct) is null,
            user.IsInRole(Roles.Legal) || user.IsInRole(Roles.Procurement) ? await objections.RecordableAsync(tender, ct) : []);
    }

    /// <summary>Calendar days left after today; on the last day itself objections are still open until 24:00.</summary>
    public static string DaysLeftText(int days, string language) => (days, language) switch
    {
        (0, "en") => "today is the last day",
        (0, _) => "vandaag is de laatste dag",
        (_, "en") => $"{days} day{(days == 1 ? "" : "s")} left",
        _ => $"nog {days} dag{(days == 1 ? "" : "en")}",
    };

    public static string Local(DateTime utc) => AmsterdamTime.Format(utc);
}
