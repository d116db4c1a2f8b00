namespace TenderFlow.Domain.Workflow.Loading;

/// <summary>
/// Whether a file the schema refused still has every name the semantic checks read, so that they can run too and the
/// author sees all problems at once. A missing name is the schema's problem to report; checking around it would only
/// echo it as "unknown ''".
/// </summary>
internal static class SemanticPreconditions
{
    public static bool Hold(DefinitionDocument d) =>
        d.InitialPhase is not null
        && d.Phases is not null && d.Phases.All(p => p?.Id is not null && Names(p.Capabilities) && Names(p.OnEntry))
        && d.Triggers is not null && d.Triggers.All(t => t?.Id is not null && t.To is not null
            && t.From is not null && Names(t.From) && t.Roles is not null && Names(t.Roles) && Names(t.Guards))
        && (d.Deadlines ?? []).All(x => x?.Id is not null && x.Kind is not null && Names(x.Reminders) && Names(x.ActiveIn) && Names(x.Notify)
            && (x.Kind != "absolute" || x.At is not null) && (x.Kind != "relative" || (x.RelativeTo is not null && x.Offset is not null)))
        && (d.DialogueThemes ?? []).All(x => x?.Key is not null)
        && (d.QualityCriteria ?? []).All(x => x?.Key is not null);

    private static bool Names(List<string>? names) => names is null || names.All(n => n is not null);
}
