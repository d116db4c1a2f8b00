using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Tenders;

/// <summary>Planned deadlines are moments as a deadline change takes them: with Z or Amsterdam's offset, or without an offset as Amsterdam time.</summary>
public sealed record CreateTenderRequest(string? DefinitionId, int? Version, string? Reference, string? Title, Dictionary<string, string>? Deadlines)
{
    public (Dictionary<string, DateTimeOffset>? Planned, RuleViolation? Violation) PlannedDeadlines()
    {
        var planned = new Dictionary<string, DateTimeOffset>();
        foreach (var (key, text) in Deadlines ?? [])
        {
            var moment = AmsterdamMoment.Parse(text, $"deadlines.{key}");
            if (moment.Violation is { } violation)
            {
                return (null, violation);
            }
            planned[key] = new DateTimeOffset(moment.Utc!.Value, TimeSpan.Zero);
        }
        return (planned, null);
    }
}

public sealed record FireTriggerRequest(string? Reason, long? ExpectedRevision);

public sealed record TenderSummary(Guid Id, string Reference, string Title, string Phase, string DefinitionId, int DefinitionVersion, string? Outcome);

public sealed record DefinitionPin(string Id, int Version, string Hash);

public sealed record PhaseView(string Id, string TitleNl, string TitleEn, bool IsEnd, DateTime EnteredAtUtc, IReadOnlyList<string> Capabilities);

public sealed record DeadlineView(string Key, string TitleNl, string TitleEn, string Kind, DateTime? DueAtUtc, DateTimeOffset? DueAtAmsterdam, bool Passed)
{
    /// <summary>Every deadline of the definition with the tender's moment, shown in Amsterdam time, passed by the given clock.</summary>
    public static IReadOnlyList<DeadlineView> AllOf(Tender tender, WorkflowDefinition definition, DateTime nowUtc) =>
        definition.Deadlines.Select(d =>
        {
            var due = tender.Deadline(d.Id)?.DueAtUtc;
            return new DeadlineView(d.Id, d.Title.Nl, d.Title.En, d.Kind.ToString().ToLowerInvariant(), due,
                due is null ? null : AmsterdamTime.ToLocalOffset(due.Value), due is not null && nowUtc >= due);
        }).ToList();
}

public sealed record UnmetGuardView(string Guard, string ReasonNl, string ReasonEn);

public sealed record TriggerView(string Id, string TitleNl, string TitleEn, string To, IReadOnlyList<string> Roles, bool ReasonRequired,
    bool Permitted, bool RoleAllowed, IReadOnlyList<UnmetGuardView> UnmetGuards);

public sealed record ThemeView(string Key, string TitleNl, string TitleEn, string Status);

public sealed record AssignEvaluatorRequest(string? UserId);

public sealed record TenderView(Guid Id, string Reference, string Title, long Revision, DefinitionPin Definition, PhaseView Phase,
    string? Outcome, DateTime? ClosedAtUtc, DateTime CreatedAtUtc, DateTime? AnnouncedAtUtc, IReadOnlyList<TriggerView> Triggers,
    IReadOnlyList<DeadlineView> Deadlines, IReadOnlyList<ThemeView>? Themes)
{
    /// <param name="visibleTheme">Which dialogue themes the reader may see (the dialogue's own rule); null themes means "not yours to see".</param>
    public static TenderView From(Tender t, WorkflowDefinition d, IReadOnlyList<TriggerAvailability> triggers, DateTime nowUtc, Func<DialogueTheme, bool>? visibleTheme)
    {
        var phase = d.Phase(t.Phase);
        return new TenderView(
            t.Id, t.Reference, t.Title, t.Revision,
            new DefinitionPin(t.DefinitionId, t.DefinitionVersion, t.DefinitionHash),
            new PhaseView(phase.Id, phase.Title.Nl, phase.Title.En, phase.IsEnd, t.PhaseEnteredAtUtc, phase.Capabilities),
            t.Outcome, t.ClosedAtUtc, t.CreatedAtUtc, t.AnnouncedAtUtc,
            triggers.Select(a => new TriggerView(a.Trigger.Id, a.Trigger.Title.Nl, a.Trigger.Title.En, a.Trigger.To, a.Trigger.Roles,
                a.Trigger.ReasonRequired, a.Permitted, a.RoleAllowed,
                // Why a step cannot be taken is for whoever may take it: the explanations name unsettled dialogue themes, an
                // insufficient quality judgement, open objections (as the portal shows only a reader's own triggers).
                a.RoleAllowed ? a.UnmetGuards.Select(u => new UnmetGuardView(u.Guard, u.Explanation.Nl, u.Explanation.En)).ToList() : [])).ToList(),
            DeadlineView.AllOf(t, d, nowUtc),
            visibleTheme is not null ? t.Themes.Where(visibleTheme).OrderBy(x => x.Key).Select(x => new ThemeView(x.Key, x.TitleNl, x.TitleEn, x.Status.ToString())).ToList() : null);
    }
}

public sealed record AuditEventView(long Sequence, DateTime OccurredAtUtc, string ActorId, string ActorRole, Guid? TenderId,
    string Action, string Subject, System.Text.Json.JsonElement Payload, string PreviousHash, string Hash)
{
    public static AuditEventView From(Domain.Audit.AuditEvent e) =>
        new(e.Sequence, e.OccurredAtUtc, e.ActorId, e.ActorRole, e.TenderId, e.Action, e.Subject,
            System.Text.Json.JsonDocument.Parse(e.PayloadJson).RootElement.Clone(), e.PreviousHash, e.Hash);

    /// <summary>The events as <paramref name="reader"/> may see them (<see cref="Audit.AuditVisibility"/>).</summary>
    public static async Task<List<AuditEventView>> ForReaderAsync(IReadOnlyList<Domain.Audit.AuditEvent> events, Data.TenderFlowDbContext db,
        System.Security.Claims.ClaimsPrincipal reader, CancellationToken ct)
    {
        var tenders = events.Where(e => e.TenderId is not null).Select(e => e.TenderId!.Value).Distinct().ToList();
        var visibility = await Audit.AuditVisibility.ForAsync(db, reader, tenders, ct);
        return events.Select(e => From(visibility.Apply(e))).ToList();
    }
}
