using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Workflow.Guards;

namespace TenderFlow.Domain.Tests.Runtime;

public class DeadlineAheadGuardTests
{
    private static readonly DateTime Due = new(2027, 9, 1, 10, 0, 0, DateTimeKind.Utc);

    private static async Task<GuardOutcome> AtAsync(DateTime nowUtc, DateTime? dueUtc = null)
    {
        var definition = RealDefinitions.SasDialogue;
        var tender = TestTenders.InPhase(definition, "specification", Due.AddDays(-60));
        tender.Deadline("submissionClose")!.DueAtUtc = dueUtc;
        return await new DeadlineAheadGuard().EvaluateAsync(new GuardContext(tender, definition, "submissionClose", nowUtc, new FakeTenderFacts()), default);
    }

    [Fact]
    public async Task Holds_until_the_very_moment_the_deadline_passes_and_then_asks_for_a_new_moment()
    {
        Assert.True((await AtAsync(Due.AddTicks(-1), Due)).Met);

        var passed = await AtAsync(Due, Due);

        Assert.False(passed.Met);
        Assert.Equal("The deadline 'Submission closes' has already passed (2027-09-01 12:00, Europe/Amsterdam): plan a new moment first.", passed.Explanation.En);
        Assert.StartsWith("De termijn 'Sluiting inschrijving' is al verstreken", passed.Explanation.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unplanned_deadline_is_not_ahead() =>
        Assert.Contains("has not been planned yet", (await AtAsync(Due)).Explanation.En, StringComparison.Ordinal);
}
