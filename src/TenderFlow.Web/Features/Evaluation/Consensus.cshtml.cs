using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Evaluation;

public sealed class ConsensusModel(TenderSteps steps, IAuthorizationService authorization, EvaluationReads reads, Assessments assessments)
    : EvaluationPageModel(steps, authorization)
{
    public ConsensusPageView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid applicationId, CancellationToken ct) =>
        await LoadAsync(id, applicationId, null, ct);

    public async Task<IActionResult> OnPostSettleAsync(Guid id, Guid applicationId, Guid requirementId, string? verdict, string? motivation, CancellationToken ct)
    {
        if (!await LoadTenderAsync(id, ct))
        {
            return NotFound();
        }
        var violation = verdict is "pass" or "fail"
            ? await assessments.JudgeAsync(Tender, User, applicationId, new KnockoutRequest(requirementId, verdict == "pass", motivation), asChair: true, ct)
            : EvaluationRules.VerdictRequired();
        return violation is null ? Done("The knock-out verdict has been settled.") : await LoadAsync(id, applicationId, violation, ct);
    }

    public async Task<IActionResult> OnPostConsensusAsync(Guid id, Guid applicationId, List<ScoreInput> scores, CancellationToken ct)
    {
        if (!await LoadTenderAsync(id, ct))
        {
            return NotFound();
        }
        var violation = await assessments.SetConsensusAsync(Tender, User, applicationId, ScoreInput.Sheet(scores), ct);
        return violation is null ? Done("The consensus scores have been recorded.") : await LoadAsync(id, applicationId, violation, ct);
    }

    private async Task<IActionResult> LoadAsync(Guid id, Guid applicationId, Domain.Workflow.Runtime.RuleViolation? failed, CancellationToken ct)
    {
        if (!await LoadTenderAsync(id, ct))
        {
            return NotFound();
        }
        if (Refuse(failed) is { } refusedWrite)
        {
            return refusedWrite;
        }
        var (view, violation) = await reads.ConsensusPageAsync(Tender, User, applicationId, ct);
        if (Refuse(violation) is { } refused)
        {
            return refused;
        }
        View = view;
        return Page();
    }
}
