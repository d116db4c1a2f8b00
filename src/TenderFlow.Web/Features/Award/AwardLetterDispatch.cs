using System.Text.Json;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Award;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Assessment;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Features.Notifications;
using TenderFlow.Web.Features.Participation;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Award;

/// <summary>
/// Records the award decision and sends its letter to the participant inside the <c>announceAward</c> step's transaction,
/// whoever fires it: the reasons are the step's reason (required: without reasons there is no letter, so no step).
/// </summary>
public sealed class AwardLetterDispatch(TenderFlowDbContext db, IQualityAssessmentReport assessment, DocumentIntake intake, Notifier notifier, AuditTrail audit)
    : IStepFollowUp
{
    public string Trigger => AwardNames.AnnounceTrigger;

    public async Task<RuleViolation?> RunAsync(Tender tender, StepOutcome outcome, Actor actor, CancellationToken ct)
    {
        var reasons = StepReason(outcome);
        if (reasons is null)
        {
            return AwardRules.ReasonsRequired();
        }
        if (await SelectedParticipant.ApplicationIdAsync(db, tender.Id, ct) is not { } applicationId)
        {
            return AwardRules.NoParticipant();
        }
        var standstill = tender.Deadline(AwardNames.AwardStandstillEnd)?.DueAtUtc
            ?? throw new InvalidOperationException($"Entering {tender.Phase} did not plan {AwardNames.AwardStandstillEnd}.");
        var now = outcome.AtUtc;
        var (name, members) = await ParticipantNames.OfApplicationAsync(db, applicationId, ct);
        var judgements = await assessment.JudgementsAsync(tender.Id, ct);
        var content = new AwardLetterContent(tender, name, members, reasons, judgements, standstill, now);
        var pdf = PdfRenderer.Render(AwardLetterBuilder.Build(content, "nl"), now);
        var organisations = await SelectedParticipant.OrganisationIdsAsync(db, tender.Id, ct);
        using var stream = new MemoryStream(pdf);
        var (document, uploaded) = await intake.RecordGeneratedAsync(db, stream, $"gunningsbeslissing-{tender.Reference}.pdf", DocumentFormat.Pdf,
            new DocumentTarget(tender.Id, AwardNames.ApplicationOwner(applicationId), AwardNames.LetterKind, organisations.FirstOrDefault()), actor.Id, ct);
        var decision = new AwardDecision
        {
            Id = Guid.NewGuid(), TenderId = tender.Id, ApplicationId = applicationId, Reasons = reasons, AnnouncedByUserId = actor.Id,
            AnnouncedAtUtc = now, StandstillEndUtc = standstill, LetterDocumentId = document.Id,
        };
        db.AwardDecisions.Add(decision);
        notifier.NotifyUsers(db, await SelectedParticipant.UserIdsAsync(db, tender.Id, ct), tender.Id, AwardNames.LetterKind,
            new($"De gunningsbeslissing voor {tender.Title} is verzonden. De opschortende termijn loopt tot {Domain.Time.AmsterdamTime.Format(standstill)}.",
                $"The award decision for {tender.Title} has been sent. The standstill period runs until {Domain.Time.AmsterdamTime.Format(standstill)}."),
            $"/tenders/{tender.Id}/gunning");
        await audit.AppendAsync(db, actor.Id, outcome.ActingRole, tender.Id,
        [
            uploaded,
            new AuditRecord("award.decision.announced", $"award/{decision.Id}", new
            {
                applicationId, reasons, standstillEndUtc = standstill, letterDocumentId = document.Id, organisations,
                criteria = judgements.Select(j => new { j.Key, j.Sufficient }),
            }),
        ], ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The reason given with the step, as the engine recorded it.</summary>
    public static string? StepReason(StepOutcome outcome)
    {
        var fired = outcome.Records.FirstOrDefault(r => r.Action == "tender.trigger.fired");
        if (fired is null)
        {
            return null;
        }
        var payload = JsonSerializer.SerializeToElement(fired.Payload);
        return payload.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(reason.GetString())
            ? reason.GetString()!.Trim()
            : null;
    }
}
