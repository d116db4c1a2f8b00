using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Publication;

namespace TenderFlow.Web.Features.Questions;

/// <summary>Questions and answers of one tender: candidates ask and read; Procurement answers, publishes and compiles the NvI.</summary>
public sealed class IndexModel(TenderFlowDbContext db, QuestionDesk desk, InformationNotes notes, IAuthorizationService authorization) : PageModel
{
    public Tender Tender { get; private set; } = null!;
    public bool IsStaff { get; private set; }
    public bool MayManage { get; private set; }
    public bool IsCandidate { get; private set; }
    public RuleViolation? AskingClosed { get; private set; }
    public IReadOnlyList<QuestionCaseView> Cases { get; private set; } = [];
    public IReadOnlyList<OwnQuestionView> Own { get; private set; } = [];
    public IReadOnlyList<PublishedAnswerView> Published { get; private set; } = [];
    public IReadOnlyList<InformationNoteView> Notes { get; private set; } = [];
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? SectionReference { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAskAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var (question, violation) = await desk.AskAsync(id, new AskQuestionRequest(Text, SectionReference), User, cancellationToken);
        if (question is null)
        {
            return await RefusedAsync(id, violation!, cancellationToken);
        }
        TempData["Message"] = PortalText.Get("Your question has been received. You will see the answer here once it is published.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, Guid questionId, string? answer, string? publishedText, CancellationToken cancellationToken) =>
        await ManageAsync(id, () => desk.AnswerAsync(id, questionId, new AnswerQuestionRequest(answer, publishedText), User.ToActor(), cancellationToken),
            "The draft answer has been saved; candidates do not see it yet.", cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(Guid id, Guid questionId, string? answerSha256, CancellationToken cancellationToken) =>
        await ManageAsync(id, () => desk.PublishAsync(id, questionId, answerSha256, User.ToActor(), cancellationToken),
            "The answer has been published to all candidates, without the asker's name.", cancellationToken);

    public async Task<IActionResult> OnPostCompileAsync(Guid id, CancellationToken cancellationToken) =>
        await ManageAsync(id, async () => (await notes.CompileAsync(id, User.ToActor(), cancellationToken)).Violation,
            "The nota van inlichtingen has been published and candidates have been notified.", cancellationToken);

    private async Task<IActionResult> ManageAsync(Guid id, Func<Task<RuleViolation?>> act, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!MayManage)
        {
            return Forbid();
        }
        if (await act() is { } violation)
        {
            return await RefusedAsync(id, violation, cancellationToken);
        }
        TempData["Message"] = PortalText.Get(done);
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> RefusedAsync(Guid id, RuleViolation violation, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Error = PortalText.For(violation.Message);
        ErrorField = violation.Field;
        Response.StatusCode = violation.Kind switch
        {
            RuleKind.Invalid => StatusCodes.Status400BadRequest,
            RuleKind.Forbidden => StatusCodes.Status403Forbidden,
            RuleKind.NotFound => StatusCodes.Status404NotFound,
            RuleKind.Conflict => StatusCodes.Status409Conflict,
        };
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tender is null || !(await authorization.AuthorizeAsync(User, tender, TenderOperations.Read)).Succeeded)
        {
            return false;
        }
        Tender = tender;
        IsStaff = QuestionDesk.MayReadAskers(User);
        MayManage = (await authorization.AuthorizeAsync(User, tender, TenderOperations.Manage)).Succeeded;
        IsCandidate = User.IsInRole(Roles.Bidder) && User.OrganisationId() is not null;
        if (IsStaff)
        {
            Cases = await desk.CasesAsync(id, cancellationToken);
        }
        if (IsCandidate)
        {
            Own = await desk.OwnAsync(id, User.OrganisationId()!.Value, cancellationToken);
            AskingClosed = await desk.QuestionsClosedAsync(tender, cancellationToken);
        }
        Published = await desk.PublishedAsync(id, cancellationToken);
        Notes = await notes.ListAsync(id, cancellationToken);
        return true;
    }
}
