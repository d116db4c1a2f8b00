using System.Text.Json;
using System.Text.Json.Serialization;

namespace TenderFlow.Domain.Workflow.Loading;

// The file's shape as System.Text.Json reads it, after the JSON Schema has accepted it.
internal sealed record DefinitionDocument(
    string Id, int Version, TextDocument Title, string InitialPhase,
    List<PhaseDocument> Phases, List<TriggerDocument> Triggers,
    List<DeadlineDocument>? Deadlines, List<ThemeDocument>? DialogueThemes,
    List<QualityCriterionDocument>? QualityCriteria);

internal sealed record TextDocument(string Nl, string En);

internal sealed record PhaseDocument(string Id, TextDocument Title, bool End, List<string>? Capabilities, List<string>? OnEntry);

internal sealed record TriggerDocument(
    string Id, TextDocument Title, List<string> From, string To, List<string> Roles, List<string>? Guards, bool ReasonRequired);

internal sealed record DeadlineDocument(
    string Id, TextDocument Title, string Kind, string? At, RelativeToDocument? RelativeTo, string? Offset, string? Rounding, List<string>? Reminders,
    List<string>? ActiveIn = null, string? Fires = null, List<string>? Notify = null, string? EscalateAfter = null, List<string>? After = null);

internal sealed record RelativeToDocument(string? Deadline, string? PhaseEntered);

internal sealed record ThemeDocument(string Key, TextDocument Title);

internal sealed record QualityCriterionDocument(string Key, TextDocument Title, TextDocument? Description);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(DefinitionDocument))]
internal sealed partial class DefinitionJsonContext : JsonSerializerContext;
