using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Features.Legal;

public sealed record FilterOption(string Value, string Label);

public sealed class TimelineModel(LegalDossier dossiers, IAuthorizationService authorization) : LegalPageModel(dossiers, authorization)
{
    public TimelineQuery Query { get; private set; } = new();
    public TimelineFilter? Filter { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }
    public int Matching { get; private set; }
    public int PageCount { get; private set; } = 1;
    public IReadOnlyList<HistoryEvent> Events { get; private set; } = [];
    public IReadOnlyList<FilterOption> Phases { get; private set; } = [];
    public IReadOnlyList<FilterOption> Actors { get; private set; } = [];
    public IReadOnlyList<FilterOption> Organisations { get; private set; } = [];
    public IReadOnlyList<FilterOption> Kinds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, string? phase, string? actor, string? organisation, string? kind, bool? readsOnly,
        string? from, string? to, string? q, int? page, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        var history = Dossier.History;
        Phases = Dossier.Definition.Phases.Select(p => new FilterOption(p.Id, PortalText.For(p.Title))).ToList();
        Actors = history.GroupBy(e => e.Event.ActorId).Select(g => new FilterOption(g.Key, $"{g.First().ActorName} ({PortalText.Roles(g.First().Event.ActorRole)})"))
            .OrderBy(o => o.Label, StringComparer.CurrentCulture).ToList();
        Organisations = history.Where(e => e.OrganisationId is not null).GroupBy(e => e.OrganisationId!.Value)
            .Select(g => new FilterOption(g.Key.ToString(), g.First().OrganisationName ?? g.Key.ToString()))
            .OrderBy(o => o.Label, StringComparer.CurrentCulture).ToList();
        Kinds = history.Select(e => TimelineFilter.KindOf(e.Event.Action)).Distinct().Order(StringComparer.Ordinal)
            .Select(k => new FilterOption(k, k)).ToList();

        Query = new TimelineQuery(phase, actor, organisation, kind, readsOnly ?? false, from, to, q, page);
        var (filter, violation) = TimelineFilter.From(Query);
        if (filter is null)
        {
            Error = PortalText.For(violation!.Message);
            ErrorField = violation.Field;
            return Page();
        }
        Filter = filter;
        var matching = filter.Apply(history);
        Matching = matching.Count;
        PageCount = TimelineFilter.PageCount(Matching);
        Events = filter.PageOf(matching);
        return Page();
    }

    public string PhaseTitle(string phase) => Phases.FirstOrDefault(p => p.Value == phase)?.Label ?? phase;

    /// <summary>The same filter on another page.</summary>
    public string PageLink(int page)
    {
        var query = Request.Query.Where(p => p.Key != "page").SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append($"page={page}");
        return $"{Request.Path}?{string.Join('&', query)}";
    }
}
