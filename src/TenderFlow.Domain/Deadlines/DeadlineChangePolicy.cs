using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Deadlines;

/// <summary>What a person asks: move deadline <see cref="Key"/> to <see cref="DueAt"/> (as entered), for <see cref="Reason"/>.</summary>
public sealed record DeadlineChangeRequest(string Key, string? DueAt, string? Reason, bool Outage);

/// <summary>An allowed change: the deadline, its old and new moment.</summary>
/// <param name="NewRound">The deadline had passed before the tender came (back) into a phase that watches it: a new moment for a new round.</param>
/// <param name="BeforeItsPhase">The deadline passed before the phase it closes began (<see cref="DeadlineChangePolicy.PassedBeforeItCouldFire"/>).</param>
public sealed record AllowedDeadlineChange(DeadlineDefinition Deadline, DateTime? OldUtc, DateTime NewUtc, string Reason, bool Outage, bool NewRound = false,
    bool BeforeItsPhase = false);

/// <summary>
/// Whether a deadline may be changed, decided by the server clock at the moment of the request. A passed deadline is law
/// (as on TenderNed), except that after a platform outage Procurement may extend it while its window is still open: the
/// tender is still in one of the phases the deadline is watched in; and one that passed before anyone could act on it is
/// planned anew (<see cref="PassedBeforeItsWindowOpened"/>, <see cref="PassedBeforeItCouldFire"/>).
/// </summary>
public static class DeadlineChangePolicy
{
    public static (AllowedDeadlineChange? Change, RuleViolation? Violation) Check(Tender tender, WorkflowDefinition definition, DeadlineChangeRequest request, DateTime nowUtc)
    {
        var deadline = definition.Deadline(request.Key);
        if (deadline is null)
        {
            return (null, DeadlineChangeRules.UnknownDeadline(request.Key));
        }
        if (deadline.Kind != DeadlineKind.Planned)
        {
            return (null, DeadlineChangeRules.NotPlanned(deadline));
        }
        var phase = definition.Phase(tender.Phase);
        if (phase.IsEnd)
        {
            return (null, DeadlineChangeRules.TenderEnded(phase));
        }
        var (reason, unreadable) = Input.EnteredText.Read(request.Reason, "reason", multiline: true, "De reden", "The reason");
        if (unreadable is not null)
        {
            return (null, unreadable);
        }
        if (reason is null)
        {
            return (null, DeadlineChangeRules.ReasonRequired());
        }
        if (reason.Length > DeadlineChangeRules.MaxReasonLength)
        {
            return (null, DeadlineChangeRules.ReasonTooLong());
        }
        var old = tender.Deadline(deadline.Id)?.DueAtUtc;
        var (newRound, beforeItsPhase) = (false, false);
        if (old is { } passed && nowUtc >= passed)
        {
            if (!request.Outage)
            {
                newRound = PassedBeforeItsWindowOpened(tender, deadline, passed);
                beforeItsPhase = !newRound && PassedBeforeItCouldFire(tender, definition, deadline);
                if (!newRound && !beforeItsPhase)
                {
                    return (null, DeadlineChangeRules.Passed(deadline, passed));
                }
            }
            else if (!deadline.ActiveIn.Contains(tender.Phase))
            {
                return (null, DeadlineChangeRules.PassedAndWindowClosed(deadline, passed, phase));
            }
        }
        var entered = AmsterdamMoment.Parse(request.DueAt, "dueAt");
        if (entered.Violation is not null)
        {
            return (null, entered.Violation);
        }
        var newUtc = entered.Utc!.Value;
        if (request.Outage && old is { } current && newUtc <= current)
        {
            return (null, DeadlineChangeRules.OutageMustExtend(deadline, current));
        }
        if (newUtc == old)
        {
            return (null, DeadlineChangeRules.Unchanged(newUtc));
        }
        if (newUtc <= nowUtc)
        {
            return (null, DeadlineChangeRules.NotInFuture(newUtc));
        }
        var dues = DeadlinePlanner.Preview(tender, definition, deadline.Id, newUtc);
        var moved = dues.Where(d => d.Value != tender.Deadline(d.Key)?.DueAtUtc).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        if (DeadlineOrder.Check(definition, dues, moved, _ => "dueAt") is { } outOfOrder)
        {
            return (null, outOfOrder);
        }
        return (new AllowedDeadlineChange(deadline, old, newUtc, reason, request.Outage, newRound, beforeItsPhase), null);
    }

    /// <summary>
    /// The deadline passed before the tender came into the phases that watch it, and it is in one of them now: the tender
    /// went back (e.g. returnToDialogue after an insufficient assessment) or reached them late. Nobody could act on that
    /// moment, so it is planned anew like a deadline still ahead. Counted from when the deadline has been watched without a
    /// break, not from entering the current phase: re-entering a phase, or moving on to another phase that watches the same
    /// deadline, opens no new round.
    /// </summary>
    public static bool PassedBeforeItsWindowOpened(Tender tender, DeadlineDefinition deadline, DateTime passedUtc) =>
        deadline.ActiveIn.Contains(tender.Phase) && tender.Deadline(deadline.Id)?.WatchedSinceUtc is { } watchedSince && watchedSince > passedUtc;

    /// <summary>
    /// The deadline closes a phase (it fires a trigger) and is watched now, but the tender has not reached a phase that
    /// trigger leaves from: e.g. the submission's closing date passed while the final specification was still being written.
    /// Nobody could act on that moment and it closed nothing, so it is planned anew; a trigger that opens the phase it closes
    /// needs it ahead (guard <c>deadline.ahead</c>), or the phase would close the moment it opened.
    /// </summary>
    public static bool PassedBeforeItCouldFire(Tender tender, WorkflowDefinition definition, DeadlineDefinition deadline) =>
        deadline.ActiveIn.Contains(tender.Phase) && deadline.Fires is { } fires && definition.Trigger(fires) is { } trigger
        && !definition.SourcePhases(trigger).Contains(tender.Phase);
}
