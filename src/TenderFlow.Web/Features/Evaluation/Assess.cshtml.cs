using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Evaluation;

public sealed class AssessModel(TenderSteps steps, IAuthorizationService authorization, EvaluationReads reads, Assessments assessments)
    : EvaluationPageModel(steps, authorization)
{
    public AssessmentView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid applicationId, CancellationToken ct) =>
        await LoadAsync(id, applicationId, null, ct);

    public async Task<IActionResult> OnPostKnockoutAsync(Guid id, Guid applicationId, Guid requirementId, string? verdict, string? motivation, CancellationToken ct)
    {
        if (!await LoadTenderAsync(id, ct))
        {
            return NotFound();
        }
        var violation = verdict is "pass" or "fail"
            ? await assessments.JudgeAsync(Tender, User, applicationId, new KnockoutRequest(requirementId, verdict == "pass", motivation), asChair: false, ct)
            : EvaluationRules.VerdictRequired();
        return violation is null ? Done("Your knock-out judgement has been recorded.") : await LoadAsync(id, applicationId, violation, ct);
    }

    public async Task<IActionResult> OnPostScoresAsync(Guid id, Guid applicationId, List<ScoreInput> scores, CancellationToken ct)
    {
        if (!await LoadTenderAsync(id, ct))
        {
            return NotFound();
        }
        var violation = await assessments.SubmitScoresAsync(Tender, User, applicationId, ScoreInput.Sheet(scores), ct);
        return violation is null ? Done("Your scores have been submitted; they are final.") : await LoadAsync(id, applicationId, violation, ct);
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
        var (view, violation) = await reads.AssessmentAsync(Tender, User, applicationId, ct);
        if (Refuse(violation) is { } refused)
        {
            return refused;
        }
        View = view;
        return Page();
    }
}
