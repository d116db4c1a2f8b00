using TenderFlow.Domain.Workflow.Definitions;

namespace TenderFlow.Domain.Selection;

/// <summary>
/// A Gedragsverklaring Aanbesteden counts for two years from its issue date. The candidate is warned (not refused: a new
/// one can be requested) when it lapses before the planned award; one that has already lapsed does not count, and the
/// application cannot be submitted with it (<c>ApplicationCompleteness</c>). The planned award is the end of the award standstill
/// when that is known, otherwise the planned contract start (<see cref="PlannedAwardDeadlines"/>): the contract is
/// concluded by then at the latest, and the declaration must still hold when it is.
/// </summary>
public static class GvaValidity
{
    public const int Years = 2;

    /// <summary>Deadline keys tried in order for the planned award moment.</summary>
    public static readonly IReadOnlyList<string> PlannedAwardDeadlines = ["awardStandstillEnd", "contractStart"];

    public static DateOnly LapsesOn(DateOnly issuedOn) => issuedOn.AddYears(Years);

    /// <summary>A warning when the declaration lapses before <paramref name="plannedAward"/> (or already has, <paramref name="today"/>); dates as people in Amsterdam read them.</summary>
    public static LocalizedText? Warning(DateOnly issuedOn, DateOnly today, DateOnly? plannedAward)
    {
        var lapses = LapsesOn(issuedOn);
        if (lapses <= today)
        {
            return new($"De Gedragsverklaring Aanbesteden van {issuedOn:dd-MM-yyyy} is verlopen op {lapses:dd-MM-yyyy}. Vraag een nieuwe aan.",
                $"The Gedragsverklaring Aanbesteden of {issuedOn:yyyy-MM-dd} lapsed on {lapses:yyyy-MM-dd}. Request a new one.");
        }
        if (plannedAward is { } award && lapses < award)
        {
            return new($"De Gedragsverklaring Aanbesteden van {issuedOn:dd-MM-yyyy} verloopt op {lapses:dd-MM-yyyy}, vóór de geplande gunning ({award:dd-MM-yyyy}). Vraag tijdig een nieuwe aan.",
                $"The Gedragsverklaring Aanbesteden of {issuedOn:yyyy-MM-dd} lapses on {lapses:yyyy-MM-dd}, before the planned award ({award:yyyy-MM-dd}). Request a new one in time.");
        }
        return null;
    }
}
