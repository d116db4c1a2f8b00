using Microsoft.AspNetCore.Http.HttpResults;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Legal;

/// <summary>The legal workspace as JSON and SVG: read-only, for audit readers (Admin, Procurement, Legal).</summary>
public static class LegalEndpoints
{
    public static void MapLegalEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenders/{id:guid}/legal").WithTags("Legal").RequireAuthorization(TenderPolicies.SignedIn);

        group.MapGet("/timeline", async Task<Results<Ok<TimelineView>, ProblemHttpResult>> (
                Guid id, string? phase, string? actor, string? organisation, string? kind, bool? readsOnly, string? from, string? to, string? q, int? page,
                LegalDossier dossiers, HttpContext http, CancellationToken ct) =>
            {
                var tender = await dossiers.TenderAsync(id, ct);
                if (await http.RefuseAsync(tender, id, TenderOperations.ReadAudit) is { } refused)
                {
                    return refused;
                }
                var (filter, violation) = TimelineFilter.From(new TimelineQuery(phase, actor, organisation, kind, readsOnly ?? false, from, to, q, page));
                if (filter is null)
                {
                    return violation!.ToProblem(http);
                }
                var dossier = await dossiers.LoadAsync(tender!, http.User, ct);
                var matching = filter.Apply(dossier.History);
                return TypedResults.Ok(new TimelineView(dossier.History.Count, matching.Count, filter.Page, TimelineFilter.PageCount(matching.Count),
                    TimelineFilter.PageSize, filter.PageOf(matching).Select(TimelineEventView.From).ToList()));
            })
            .WithName("LegalTimeline");

        group.MapGet("/reads", async Task<Results<Ok<List<ReadItemView>>, Ok<ReadItemView>, ProblemHttpResult>> (
                Guid id, string? subject, LegalDossier dossiers, ReadLedger ledger, HttpContext http, CancellationToken ct) =>
            {
                var tender = await dossiers.TenderAsync(id, ct);
                if (await http.RefuseAsync(tender, id, TenderOperations.ReadAudit) is { } refused)
                {
                    return refused;
                }
                var dossier = await dossiers.LoadAsync(tender!, http.User, ct);
                if (string.IsNullOrEmpty(subject))
                {
                    return TypedResults.Ok((await ledger.ItemsAsync(dossier, ct)).Select(i => ReadItemView.From(i, withReads: false)).ToList());
                }
                if (ReadSubject.Parse(subject) is not { } parsed)
                {
                    return LegalRules.UnknownSubject().ToProblem(http);
                }
                return await ledger.ItemAsync(dossier, parsed, ct) is { } item
                    ? TypedResults.Ok(ReadItemView.From(item, withReads: true))
                    : LegalRules.SubjectNotFound().ToProblem(http);
            })
            .WithName("LegalReads");

        group.MapGet("/planning.svg", async Task<Results<ContentHttpResult, ProblemHttpResult>> (
                Guid id, LegalDossier dossiers, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var tender = await dossiers.TenderAsync(id, ct);
                if (await http.RefuseAsync(tender, id, TenderOperations.ReadAudit) is { } refused)
                {
                    return refused;
                }
                var picture = PlanningBuilder.Build(await dossiers.LoadAsync(tender!, http.User, ct), clock.GetUtcNow().UtcDateTime);
                return TypedResults.Text(PlanningChart.Render(picture, PlanningText.For(picture)), "image/svg+xml");
            })
            .WithName("LegalPlanningSvg");
    }
}

public static class LegalRules
{
    public static RuleViolation UnknownSubject() => new("LegalSubjectRule", RuleKind.Invalid, new LocalizedText(
        "Onbekend onderwerp: gebruik document/{id}, dialogue-theme/{id} of dialogue-message/{id}.",
        "Unknown subject: use document/{id}, dialogue-theme/{id} or dialogue-message/{id}."), "subject");

    public static RuleViolation SubjectNotFound() => new("LegalSubjectNotFoundRule", RuleKind.NotFound, new LocalizedText(
        "Dit onderwerp hoort niet bij deze aanbesteding.", "This subject does not belong to this tender."), "subject");
}
