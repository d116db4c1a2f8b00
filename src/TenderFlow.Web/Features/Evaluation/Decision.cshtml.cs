using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Features.Portal;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Evaluation;

public sealed class DecisionModel(TenderSteps steps, IAuthorizationService authorization, EvaluationReads reads, Declarations declarations, SelectionDecisions decisions)
    : EvaluationPageModel(steps, authorization)
{
    public RankingView? View { get; private set; }
    public bool MayManage { get; private set; }
    public IReadOnlyList<LetterView> Letters { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, null, ct);

    public Task<IActionResult> OnPostChairAsync(Guid id, string? userId, CancellationToken ct) =>
        ManageAsync(id, () => declarations.DesignateChairAsync(Tender, User, userId, ct), "The chair has been designated.", ct);

    public Task<IActionResult> OnPostResolveAsync(Guid id, string? userId, string? outcome, string? reason, CancellationToken ct) =>
        ManageAsync(id, () => declarations.ResolveAsync(Tender, User, userId ?? "", new ResolutionRequest(outcome, reason), ct), "The conflict of interest has been resolved.", ct);

    public Task<IActionResult> OnPostSelectAsync(Guid id, Guid applicationId, string? reason, CancellationToken ct) =>
        ManageAsync(id, () => decisions.SelectAsync(Tender, User, new SelectionRequest(applicationId, reason), ct), "The candidate has been selected.", ct);

    public Task<IActionResult> OnPostAnnounceAsync(Guid id, string? expectedRevision, CancellationToken ct) =>
        ManageAsync(id, async () => FormRevision.Read(expectedRevision) switch
            {
                (_, { } incomplete) => incomplete,
                (var revision, null) => (await decisions.AnnounceAsync(id, User, revision, ct)).Violation,
            },
            "The selection decision has been announced; the letters have been sent.", ct);

    private async Task<IActionResult> ManageAsync(Guid id, Func<Task<RuleViolation?>> act, string done, CancellationToken ct)
    {
        if (!await LoadTenderAsync(id, ct))
        {
            return NotFound();
        }
        if (!await MayAsync(TenderOperations.Manage))
        {
            return Forbid();
        }
        var violation = await act();
        return violation is null ? Done(done) : await LoadAsync(id, violation, ct);
    }

    private async Task<IActionResult> LoadAsync(Guid id, RuleViolation? failed, CancellationToken ct)
    {
        if (!await LoadTenderAsync(id, ct))
        {
            return NotFound();
        }
        if (Refuse(failed) is { } refusedWrite)
        {
            return refusedWrite;
        }
        var (view, violation) = await reads.RankingAsync(Tender, User, ct);
        if (Refuse(violation) is { } refused)
        {
            return refused;
        }
        View = view;
        MayManage = await MayAsync(TenderOperations.Manage);
        Letters = await decisions.LettersForAsync(id, User, ct);
        return Page();
    }
}
