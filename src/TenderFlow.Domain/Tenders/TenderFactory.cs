using TenderFlow.Domain.Input;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Tenders;

/// <summary>Starts a tender on a definition, pinned to that definition's exact content.</summary>
public static class TenderFactory
{
    public const int MaxReferenceLength = 40;
    public const int MaxTitleLength = 300;

    public static (Tender? Tender, RuleViolation? Violation) Create(
        WorkflowDefinition definition, string? reference, string? title, IReadOnlyDictionary<string, DateTimeOffset>? planned, DateTime nowUtc)
    {
        (reference, var unreadableReference) = EnteredText.Read(reference, "reference", multiline: false, "Het kenmerk", "The reference");
        (title, var unreadableTitle) = EnteredText.Read(title, "title", multiline: false, "De titel", "The title");
        if ((unreadableReference ?? unreadableTitle) is { } unreadable)
        {
            return (null, unreadable);
        }
        if (reference is null || reference.Length > MaxReferenceLength)
        {
            return (null, Invalid("reference", $"Geef een kenmerk van 1 tot {MaxReferenceLength} tekens.", $"Give a reference of 1 to {MaxReferenceLength} characters."));
        }
        if (title is null || title.Length > MaxTitleLength)
        {
            return (null, Invalid("title", $"Geef een titel van 1 tot {MaxTitleLength} tekens.", $"Give a title of 1 to {MaxTitleLength} characters."));
        }
        var plannedUtc = new Dictionary<string, DateTime>();
        foreach (var (key, at) in planned ?? new Dictionary<string, DateTimeOffset>())
        {
            var deadline = definition.Deadline(key);
            if (deadline is null || deadline.Kind != DeadlineKind.Planned)
            {
                var plannable = string.Join(", ", definition.Deadlines.Where(d => d.Kind == DeadlineKind.Planned).Select(d => d.Id));
                return (null, Invalid($"deadlines.{key}",
                    $"'{key}' is geen te plannen termijn van deze procedure (wel: {plannable}).",
                    $"'{key}' is not a plannable deadline of this procedure (plannable: {plannable})."));
            }
            if (Time.AmsterdamMoment.Check(at, $"deadlines.{key}") is { } momentRefused)
            {
                return (null, momentRefused);
            }
            if (at.UtcDateTime <= nowUtc)
            {
                return (null, Deadlines.DeadlineChangeRules.PlannedNotInFuture(deadline, at.UtcDateTime, $"deadlines.{key}"));
            }
            plannedUtc[key] = at.UtcDateTime;
        }

        var tender = new Tender
        {
            Id = Guid.NewGuid(),
            Reference = reference,
            Title = title,
            DefinitionId = definition.Id,
            DefinitionVersion = definition.Version,
            DefinitionHash = definition.ContentHash,
            Phase = definition.InitialPhase,
            PhaseEnteredAtUtc = nowUtc,
            CreatedAtUtc = nowUtc,
        };
        DeadlinePlanner.Initialise(tender, definition, plannedUtc, nowUtc);
        var dues = DeadlinePlanner.Dues(tender, definition);
        if (Deadlines.DeadlineOrder.Check(definition, dues, dues.Keys.ToHashSet(StringComparer.Ordinal), key => $"deadlines.{key}") is { } outOfOrder)
        {
            return (null, outOfOrder);
        }
        return (tender, null);
    }

    private static RuleViolation Invalid(string field, string nl, string en) =>
        new("TenderInputRule", RuleKind.Invalid, new LocalizedText(nl, en), field);
}
