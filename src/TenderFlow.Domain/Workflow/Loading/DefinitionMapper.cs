using System.Globalization;
using TenderFlow.Domain.Workflow.Definitions;

namespace TenderFlow.Domain.Workflow.Loading;

/// <summary>Turns a validated file document into the immutable model the engine runs.</summary>
internal static class DefinitionMapper
{
    private static readonly string[] AbsoluteFormats = ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss'Z'"];

    public static bool TryParseAbsolute(string? text, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(text, AbsoluteFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);

    public static WorkflowDefinition Map(DefinitionDocument d, string sourceJson, string contentHash) =>
        new(
            d.Id,
            d.Version,
            Text(d.Title),
            d.InitialPhase,
            d.Phases.Select(p => new PhaseDefinition(p.Id, Text(p.Title), p.End, p.Capabilities ?? [], p.OnEntry ?? [])).ToList(),
            d.Triggers.Select(t => new TriggerDefinition(
                t.Id, Text(t.Title), t.From, t.To, t.Roles,
                (t.Guards ?? []).Select(GuardReference.Parse).ToList(), t.ReasonRequired)).ToList(),
            (d.Deadlines ?? []).Select(x => Deadline(x, d.Phases)).ToList(),
            (d.DialogueThemes ?? []).Select(t => new DialogueThemeDefinition(t.Key, Text(t.Title))).ToList())
        {
            QualityCriteria = (d.QualityCriteria ?? [])
                .Select(c => new QualityCriterionDefinition(c.Key, Text(c.Title), c.Description is null ? null : Text(c.Description))).ToList(),
            SourceJson = sourceJson,
            ContentHash = contentHash,
        };

    private static DeadlineDefinition Deadline(DeadlineDocument x, List<PhaseDocument> phases) =>
        new(
            x.Id,
            Text(x.Title),
            x.Kind switch
            {
                "absolute" => DeadlineKind.Absolute,
                "relative" => DeadlineKind.Relative,
                _ => DeadlineKind.Planned,
            },
            TryParseAbsolute(x.At, out var at) ? at : null,
            x.RelativeTo?.Deadline,
            x.RelativeTo?.PhaseEntered,
            x.Offset is null ? null : CalendarOffset.Parse(x.Offset),
            x.Rounding == "endOfDay" ? DeadlineRounding.EndOfDay : DeadlineRounding.None,
            (x.Reminders ?? []).Select(CalendarOffset.Parse).ToList())
        {
            ActiveIn = x.ActiveIn ?? phases.Where(p => !p.End).Select(p => p.Id).ToList(),
            Fires = x.Fires,
            Notify = x.Notify ?? [DeadlineAudiences.Procurement],
            EscalateAfter = x.EscalateAfter is null ? null : CalendarOffset.Parse(x.EscalateAfter),
            After = x.After ?? [],
        };

    private static LocalizedText Text(TextDocument t) => new(t.Nl, t.En);
}
