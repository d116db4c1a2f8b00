using TenderFlow.Domain.Tests.Support;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Loading;

namespace TenderFlow.Domain.Tests.Loading;

public class RealDefinitionsTests
{
    [Fact]
    public void Both_definitions_in_the_workflows_folder_load_without_problems()
    {
        var result = RealDefinitions.Result;

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(["open-house", "sas-dialogue"], result.Definitions.Select(d => d.Id).Order());
    }

    [Fact]
    public void A_loaded_definition_is_pinned_to_the_hash_of_its_exact_file_text()
    {
        var definition = RealDefinitions.SasDialogue;
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.WorkflowsDirectory, "sas-dialogue.json"));

        Assert.Equal(text, definition.SourceJson);
        Assert.Equal(DefinitionLoader.HashOf(text), definition.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", definition.ContentHash);
    }

    [Fact]
    public void Sas_dialogue_has_the_eleven_dialogue_themes_of_the_guiding_document()
    {
        string[] expected =
        [
            "shared-approach", "lived-experience", "care-landscape", "trajectory-direction", "fitting-offer", "cross-domain",
            "monitoring", "digitalisation", "learning", "steering-funding", "cooperation",
        ];

        var themes = RealDefinitions.SasDialogue.DialogueThemes;

        Assert.Equal(expected, themes.Select(t => t.Key));
        Assert.All(themes, t => Assert.False(string.IsNullOrWhiteSpace(t.Title.Nl) || string.IsNullOrWhiteSpace(t.Title.En)));
    }

    [Fact]
    public void Sas_dialogue_ends_awarded_unsuccessful_or_cancelled()
    {
        var definition = RealDefinitions.SasDialogue;

        Assert.Equal(["awarded", "cancelled", "unsuccessful"], definition.Phases.Where(p => p.IsEnd).Select(p => p.Id).Order());
        Assert.All(definition.Phases.Where(p => p.IsEnd), p => Assert.Contains("tender.recordOutcome", p.OnEntry));
        Assert.Equal("consultation", definition.InitialPhase);
    }

    [Fact]
    public void Sas_dialogue_cancel_needs_a_reason_and_is_permitted_from_every_open_phase()
    {
        var definition = RealDefinitions.SasDialogue;
        var cancel = definition.Trigger("cancel");

        Assert.NotNull(cancel);
        Assert.True(cancel.ReasonRequired);
        Assert.Equal("cancelled", cancel.To);
        Assert.Equal([TriggerDefinition.AnyOpenPhase], cancel.From);
        var open = definition.Phases.Where(p => !p.IsEnd).Select(p => p.Id).ToList();
        Assert.Equal(10, open.Count);
        Assert.Equal(open, definition.SourcePhases(cancel));
        Assert.All(open, phase => Assert.Contains(definition.TriggersFrom(phase), t => t.Id == "cancel"));
        Assert.All(definition.Phases.Where(p => p.IsEnd), p => Assert.Empty(definition.TriggersFrom(p.Id)));
    }

    [Fact]
    public void Sas_dialogue_standstills_are_twenty_calendar_days_to_the_end_of_the_day()
    {
        var definition = RealDefinitions.SasDialogue;

        foreach (var (id, phase) in new[] { ("selectionStandstillEnd", "selectionStandstill"), ("awardStandstillEnd", "awardStandstill") })
        {
            var deadline = definition.Deadline(id);
            Assert.NotNull(deadline);
            Assert.Equal(DeadlineKind.Relative, deadline.Kind);
            Assert.Equal(phase, deadline.RelativeToPhaseEntered);
            Assert.Equal(new CalendarOffset(false, 20, 0, 0), deadline.Offset);
            Assert.Equal(DeadlineRounding.EndOfDay, deadline.Rounding);
        }
    }

    [Fact]
    public void Open_house_maps_its_deadlines_with_kinds_offsets_and_reminders()
    {
        var definition = RealDefinitions.OpenHouse;

        var roundClose = definition.Deadline("roundClose")!;
        Assert.Equal((DeadlineKind.Relative, "admission", 42), (roundClose.Kind, roundClose.RelativeToPhaseEntered, roundClose.Offset!.Days));
        Assert.Equal([new CalendarOffset(false, 7, 0, 0)], roundClose.Reminders);
        var reviewDue = definition.Deadline("reviewDue")!;
        Assert.Equal(("roundClose", 28, DeadlineRounding.None), (reviewDue.RelativeToDeadline, reviewDue.Offset!.Days, reviewDue.Rounding));
        var contractEnd = definition.Deadline("contractEnd")!;
        Assert.Equal(DeadlineKind.Absolute, contractEnd.Kind);
        Assert.Equal(new DateTimeOffset(2030, 12, 31, 23, 59, 59, TimeSpan.FromHours(1)), contractEnd.At);
    }
}
