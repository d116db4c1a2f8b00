using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Assessment;

/// <summary>/tenders/{id}/kwaliteitsbeoordeling: an evaluator's judgements, the chair's consensus, the verdict for staff.</summary>
[Authorize]
public sealed class AssessModel(TenderFlowDbContext db, QualityAssessment assessment, IAuthorizationService authorization) : PageModel
{
    public Tender Tender { get; private set; } = null!;
    public QualityAssessmentView View { get; private set; } = null!;
    public string? Error { get; private set; }

    /// <summary>The field the refusal is about, so that field can point to the message.</summary>
    public string? ErrorField { get; private set; }

    public Shared.FieldError ErrorOf(string field) => Shared.FieldError.For(ErrorField, field);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostJudgeAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => assessment.JudgeAsync(Tender, User, SheetFromForm(), cancellationToken), "Your judgements have been submitted.", cancellationToken);

    public Task<IActionResult> OnPostConsensusAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => assessment.RecordConsensusAsync(Tender, User, SheetFromForm(), cancellationToken), "The consensus has been recorded.", cancellationToken);

    private QualitySheetRequest SheetFromForm() => new(View.Criteria.Select(c =>
    {
        var verdict = Request.Form[$"sufficient-{c.Key}"].ToString();
        return new CriterionJudgementRequest(c.Key, verdict == "yes" ? true : verdict == "no" ? false : null, Request.Form[$"motivation-{c.Key}"]);
    }).ToList());

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<RuleViolation?>> act, string doneKey, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (await act() is { } violation)
        {
            if (violation.Kind == RuleKind.Forbidden)
            {
                return Forbid();
            }
            Error = PortalText.For(violation.Message);
            ErrorField = violation.Field;
            Response.StatusCode = violation.Kind == RuleKind.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        TempData["Message"] = PortalText.Get(doneKey);
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tender is null || !(await authorization.AuthorizeAsync(User, tender, TenderOperations.Read)).Succeeded)
        {
            return NotFound();
        }
        Tender = tender;
        if (await assessment.ViewAsync(tender, User, cancellationToken) is not { } view)
        {
            return Forbid();
        }
        View = view;
        return null;
    }
}
