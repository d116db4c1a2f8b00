using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tests.Tenders;

public class TenderFactoryTests
{
    private static readonly DateTime Now = new(2027, 6, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_new_tender_is_pinned_to_its_definition_and_starts_in_the_initial_phase()
    {
        var definition = RealDefinitions.SasDialogue;

        var (tender, violation) = TenderFactory.Create(definition, "  TF-2027-001 ", " Begeleiding ", null, Now);

        Assert.Null(violation);
        Assert.NotNull(tender);
        Assert.NotEqual(Guid.Empty, tender.Id);
        Assert.Equal(("TF-2027-001", "Begeleiding"), (tender.Reference, tender.Title));
        Assert.Equal((definition.Id, definition.Version, definition.ContentHash), (tender.DefinitionId, tender.DefinitionVersion, tender.DefinitionHash));
        Assert.Equal("consultation", tender.Phase);
        Assert.Equal((Now, Now), (tender.CreatedAtUtc, tender.PhaseEnteredAtUtc));
        Assert.Equal(0, tender.Revision);
        Assert.Null(tender.Outcome);
        Assert.Empty(tender.Themes);
    }

    [Theory]
    [InlineData("", "Titel", "reference")]
    [InlineData("   ", "Titel", "reference")]
    [InlineData(null, "Titel", "reference")]
    [InlineData("TF-1", "", "title")]
    [InlineData("TF-1", null, "title")]
    [InlineData("\u200b", "Titel", "reference")]
    [InlineData("\u0000", "Titel", "reference")]
    [InlineData("TF-1", "\u200b", "title")]
    public void Blank_reference_or_title_is_refused(string? reference, string? title, string field)
    {
        var (tender, violation) = TenderFactory.Create(RealDefinitions.SasDialogue, reference, title, null, Now);

        Assert.Null(tender);
        Assert.Equal(("TenderInputRule", RuleKind.Invalid, field), (violation?.Rule, violation?.Kind, violation?.Field));
    }

    [Theory]
    [InlineData("A\nB", "Titel", "reference")]
    [InlineData("\u202eEVIL", "Titel", "reference")]
    [InlineData("TF-1\U000E0041", "Titel", "reference")]
    [InlineData("TF-1", "Begeleiding\u200b individueel", "title")]
    [InlineData("TF-1", "Begeleiding\tindividueel", "title")]
    public void A_reference_or_title_with_control_or_invisible_characters_is_refused(string reference, string title, string field)
    {
        var (tender, violation) = TenderFactory.Create(RealDefinitions.SasDialogue, reference, title, null, Now);

        Assert.Null(tender);
        Assert.Equal(("UnreadableTextRule", field), (violation?.Rule, violation?.Field));
        Assert.Contains("onzichtbare tekens of stuurtekens", violation!.Message.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_with_a_soft_hyphen_and_accents_is_taken()
    {
        var (tender, violation) = TenderFactory.Create(RealDefinitions.SasDialogue, "UTR-Wmo-2027", "Specialistische be\u00ADgeleiding Zuidwest – één aanbieder", null, Now);

        Assert.Null(violation);
        Assert.NotNull(tender);
    }

    [Fact]
    public void Reference_and_title_have_a_maximum_length()
    {
        var definition = RealDefinitions.SasDialogue;

        Assert.Null(TenderFactory.Create(definition, new string('R', TenderFactory.MaxReferenceLength), new string('T', TenderFactory.MaxTitleLength), null, Now).Violation);
        Assert.Equal("reference", TenderFactory.Create(definition, new string('R', TenderFactory.MaxReferenceLength + 1), "T", null, Now).Violation?.Field);
        Assert.Equal("title", TenderFactory.Create(definition, "R", new string('T', TenderFactory.MaxTitleLength + 1), null, Now).Violation?.Field);
    }

    [Theory]
    [InlineData("nviPublication")]
    [InlineData("selectionStandstillEnd")]
    [InlineData("noSuchDeadline")]
    public void Only_planned_deadlines_can_be_planned(string key)
    {
        var planned = new Dictionary<string, DateTimeOffset> { [key] = new(2027, 7, 1, 12, 0, 0, TimeSpan.FromHours(2)) };

        var (tender, violation) = TenderFactory.Create(RealDefinitions.SasDialogue, "TF-1", "Titel", planned, Now);

        Assert.Null(tender);
        Assert.Equal($"deadlines.{key}", violation?.Field);
        Assert.Contains("publication, questionsClose, applicationsClose, dialogueEnd, submissionClose, contractStart", violation!.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_planned_moment_is_stored_in_utc()
    {
        var planned = new Dictionary<string, DateTimeOffset> { ["submissionClose"] = new(2028, 3, 1, 12, 0, 0, TimeSpan.FromHours(1)) };

        var tender = TestTenders.Create(RealDefinitions.SasDialogue, Now, planned);

        var due = tender.Deadline("submissionClose")!.DueAtUtc!.Value;
        Assert.Equal(new DateTime(2028, 3, 1, 11, 0, 0, DateTimeKind.Utc), due);
        Assert.Equal(DateTimeKind.Utc, due.Kind);
    }

    // A passed deadline is law (DeadlineChangePolicy): a year typed too early would leave a tender bound by it from its
    // first day, to be cancelled and started again.
    [Theory]
    [InlineData(-365)]
    [InlineData(-1)]
    [InlineData(0)]
    public void A_planned_deadline_that_is_not_in_the_future_is_refused(int days)
    {
        var planned = new Dictionary<string, DateTimeOffset> { ["publication"] = new DateTimeOffset(Now).AddDays(days) };

        var (tender, violation) = TenderFactory.Create(RealDefinitions.SasDialogue, "TF-1", "Titel", planned, Now);

        Assert.Null(tender);
        Assert.Equal(("DeadlineNotInFutureRule", RuleKind.Invalid, "deadlines.publication"), (violation?.Rule, violation?.Kind, violation?.Field));
        Assert.Contains("Publicatiedatum", violation!.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("Publication date", violation.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_planned_deadline_a_minute_ahead_is_accepted()
    {
        var planned = new Dictionary<string, DateTimeOffset> { ["publication"] = new DateTimeOffset(Now).AddMinutes(1) };

        var (tender, violation) = TenderFactory.Create(RealDefinitions.SasDialogue, "TF-1", "Titel", planned, Now);

        Assert.Null(violation);
        Assert.Equal(Now.AddMinutes(1), tender?.Deadline("publication")?.DueAtUtc);
    }
}
