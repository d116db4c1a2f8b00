using TenderFlow.Domain.Deadlines;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Workflow.Definitions;

namespace TenderFlow.Domain.Tests.Deadlines;

/// <summary>
/// sas-dialogue declares its order: publication, then questions close, then applications close (after the Q&A is
/// published too); the dialogue ends after that and before submission closes. A planned moment that would break it is refused, naming both deadlines.
/// </summary>
public class DeadlineOrderTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static WorkflowDefinition Sas => RealDefinitions.SasDialogue;

    private static readonly Dictionary<string, DateTimeOffset> Plan = new()
    {
        ["publication"] = new(2027, 4, 1, 9, 0, 0, TimeSpan.FromHours(2)),
        ["questionsClose"] = new(2027, 5, 1, 12, 0, 0, TimeSpan.FromHours(2)),
        ["applicationsClose"] = new(2027, 6, 1, 12, 0, 0, TimeSpan.FromHours(2)),
        ["dialogueEnd"] = new(2028, 1, 15, 17, 0, 0, TimeSpan.FromHours(1)),
        ["submissionClose"] = new(2028, 3, 1, 12, 0, 0, TimeSpan.FromHours(1)),
    };

    private static Tender Planned()
    {
        var tender = TestTenders.Create(Sas, Now, Plan);
        tender.Phase = "publication";
        return tender;
    }

    private static Workflow.Runtime.RuleViolation? Change(Tender tender, string key, string dueAt) =>
        DeadlineChangePolicy.Check(tender, Sas, new(key, dueAt, "Planning bijgesteld", false), Now).Violation;

    [Fact]
    public void A_plan_in_the_declared_order_is_taken_and_a_change_that_keeps_it_is_allowed()
    {
        Assert.Null(Change(Planned(), "questionsClose", "2027-05-20T12:00"));
        Assert.Null(Change(Planned(), "applicationsClose", "2027-05-08T12:01"));   // just after the Q&A, a week after questions close
    }

    [Theory]
    [InlineData("questionsClose", "2027-06-02T12:00", "Sluiting aanmelding", "Sluiting vragen")]  // past applicationsClose
    [InlineData("applicationsClose", "2027-05-01T12:00", "Sluiting aanmelding", "Sluiting vragen")] // at the same moment is not after
    [InlineData("applicationsClose", "2027-04-30T12:00", "Sluiting aanmelding", "Sluiting vragen")]
    [InlineData("applicationsClose", "2027-05-08T12:00", "Sluiting aanmelding", "Publicatie nota van inlichtingen")]
    [InlineData("questionsClose", "2027-05-26T12:00", "Sluiting aanmelding", "Publicatie nota van inlichtingen")] // the Q&A follows, to 2 June
    [InlineData("publication", "2027-05-02T09:00", "Sluiting vragen", "Publicatiedatum")]
    [InlineData("submissionClose", "2028-01-15T17:00", "Sluiting inschrijving", "Geplande afronding dialoog")]
    [InlineData("dialogueEnd", "2027-05-31T12:00", "Geplande afronding dialoog", "Sluiting aanmelding")]
    public void A_change_that_breaks_the_order_is_refused_naming_both_deadlines(string key, string dueAt, string later, string earlier)
    {
        var tender = Planned();
        var before = tender.Deadlines.ToDictionary(d => d.Key, d => d.DueAtUtc);

        var violation = Change(tender, key, dueAt);

        Assert.Equal(("DeadlineOrderRule", "dueAt"), (violation?.Rule, violation?.Field));
        Assert.Contains(later, violation!.Message.Nl, StringComparison.Ordinal);
        Assert.Contains(earlier, violation.Message.Nl, StringComparison.Ordinal);
        Assert.Equal(before, tender.Deadlines.ToDictionary(d => d.Key, d => d.DueAtUtc));
    }

    [Fact]
    public void An_order_already_broken_elsewhere_does_not_block_an_unrelated_change()
    {
        var tender = Planned();
        tender.Deadline("submissionClose")!.DueAtUtc = tender.Deadline("dialogueEnd")!.DueAtUtc!.Value.AddDays(-1);

        Assert.Null(Change(tender, "questionsClose", "2027-05-20T12:00"));
        Assert.Equal("DeadlineOrderRule", Change(tender, "dialogueEnd", "2028-01-20T17:00")?.Rule);
    }

    [Fact]
    public void A_new_tender_planned_out_of_order_is_refused_at_the_later_deadline()
    {
        var plan = new Dictionary<string, DateTimeOffset>(Plan) { ["applicationsClose"] = new(2027, 4, 28, 12, 0, 0, TimeSpan.FromHours(2)) };

        var (tender, violation) = TenderFactory.Create(Sas, "TF-2027-002", "Specialistische begeleiding", plan, Now);

        Assert.Null(tender);
        Assert.Equal(("DeadlineOrderRule", "deadlines.applicationsClose"), (violation?.Rule, violation?.Field));
        Assert.Contains("'Sluiting aanmelding (selectie)' (28-04-2027 12:00 (+02:00)) moet na 'Sluiting vragen' (01-05-2027 12:00 (+02:00)) liggen.", violation!.Message.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void Deadlines_without_a_moment_yet_are_not_compared()
    {
        var (tender, violation) = TenderFactory.Create(Sas, "TF-2027-003", "Alleen de publicatie", new Dictionary<string, DateTimeOffset> { ["publication"] = Plan["publication"] }, Now);

        Assert.Null(violation);
        Assert.NotNull(tender);
    }
}

/// <summary>A deadline counted from the moved one moves first, and is then held to its own declared order.</summary>
public class DeadlineOrderCascadeTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static WorkflowDefinition Definition()
    {
        var d = MinimalDefinition.Parse();
        d.Deadlines(3).Remove("after");
        d.AddRelativeDeadline("answers", "kickoff", "P7D");
        d["deadlines"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = "applications", ["title"] = MinimalDefinition.Text("Applications"), ["kind"] = "planned", ["after"] = MinimalDefinition.Strings("answers"),
        });
        var (definition, problems) = new Workflow.Loading.DefinitionLoader(Workflow.Runtime.BehaviourRegistry.BuiltIn).LoadText("mini.json", d.ToJsonString());
        Assert.Empty(problems);
        return definition!;
    }

    [Fact]
    public void Moving_a_deadline_so_that_one_counted_from_it_passes_a_later_one_is_refused()
    {
        var definition = Definition();
        var tender = TestTenders.Create(definition, Now, new Dictionary<string, DateTimeOffset>
        {
            ["kickoff"] = new(2027, 4, 1, 12, 0, 0, TimeSpan.FromHours(2)),
            ["applications"] = new(2027, 4, 20, 12, 0, 0, TimeSpan.FromHours(2)),
        });

        var allowed = DeadlineChangePolicy.Check(tender, definition, new("kickoff", "2027-04-12T12:00", "Later", false), Now);
        var refused = DeadlineChangePolicy.Check(tender, definition, new("kickoff", "2027-04-14T12:00", "Later", false), Now);

        Assert.Null(allowed.Violation);
        Assert.Equal("DeadlineOrderRule", refused.Violation?.Rule);
        Assert.Contains("'Applications' (20-04-2027 12:00 (+02:00)) must come after 'answers' (21-04-2027 12:00 (+02:00))", refused.Violation!.Message.En, StringComparison.Ordinal);
    }
}
