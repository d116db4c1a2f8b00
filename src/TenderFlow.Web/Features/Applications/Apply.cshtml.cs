using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Documents;

namespace TenderFlow.Web.Features.Applications;

/// <summary>The bidder's application page: create, consortium members, references, conditions, integrity evidence, vision, submit, withdraw.</summary>
[Authorize(Roles = Roles.Bidder)]
[UploadSizeLimit]
public sealed class ApplyModel(TenderFlowDbContext db, ApplicationDesk desk, ApplicationReader reader, ApplicationWindow window, DocumentIntake intake, IAuthorizationService authorization) : PageModel
{
    public Tender Tender { get; private set; } = null!;
    public ApplicationView? Application { get; private set; }
    public List<SelectionRequirement> Requirements { get; private set; } = [];
    public bool WindowOpen { get; private set; }
    public string? WindowReason { get; private set; }
    public DateTime? DeadlineUtc { get; private set; }
    public Guid OrganisationId { get; private set; }
    public bool IsLead => Application?.LeadOrganisationId == OrganisationId;
    public bool CanChange => WindowOpen && Application is { Status: not ApplicationStatus.Withdrawn };
    public string? Error { get; private set; }
    public DocumentReceipt? Receipt { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? receipt, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (receipt is { } documentId && Application is not null)
        {
            var document = Application.Documents.FirstOrDefault(d => d.Id == documentId);
            if (document is not null)
            {
                Receipt = new DocumentReceipt(document.Id, document.Kind, document.FileName, "", document.SizeBytes, document.Sha256, document.UploadedAtUtc, document.Version);
            }
        }
        return Page();
    }

    public Task<IActionResult> OnPostCreateAsync(Guid id, string? consortiumName, CancellationToken cancellationToken) =>
        ActAsync(id, async caller => (await desk.CreateAsync(id, caller, consortiumName, cancellationToken)).Violation, "The application has been created.", cancellationToken);

    public Task<IActionResult> OnPostMemberAsync(Guid id, Guid applicationId, string? kvkNumber, ConsortiumRole? role, CancellationToken cancellationToken) =>
        ActAsync(id, caller => desk.AddMemberAsync(id, applicationId, caller, kvkNumber, role, cancellationToken), "The member has been added.", cancellationToken);

    public Task<IActionResult> OnPostRemoveMemberAsync(Guid id, Guid applicationId, Guid organisationId, CancellationToken cancellationToken) =>
        ActAsync(id, caller => desk.RemoveMemberAsync(id, applicationId, caller, organisationId, cancellationToken), "The member has been removed.", cancellationToken);

    public Task<IActionResult> OnPostReferenceAsync(Guid id, Guid applicationId, ReferenceRequest reference, CancellationToken cancellationToken) =>
        ActAsync(id, async caller => (await desk.AddReferenceAsync(id, applicationId, caller, reference, cancellationToken)).Violation, "The reference has been recorded.", cancellationToken);

    public Task<IActionResult> OnPostRemoveReferenceAsync(Guid id, Guid applicationId, Guid referenceId, CancellationToken cancellationToken) =>
        ActAsync(id, caller => desk.RemoveReferenceAsync(id, applicationId, caller, referenceId, cancellationToken), "The reference has been removed.", cancellationToken);

    public Task<IActionResult> OnPostAnswersAsync(Guid id, Guid applicationId, CancellationToken cancellationToken)
    {
        var answers = SelectionConditions.All.Select(c => new AnswerRequest(c.Key,
            Request.Form[$"complies-{c.Key}"].ToString() switch { "yes" => true, "no" => false, _ => null },
            Request.Form[$"explanation-{c.Key}"].ToString())).ToList();
        return ActAsync(id, caller => desk.SaveAnswersAsync(id, applicationId, caller, answers, cancellationToken), "The answers have been saved.", cancellationToken);
    }

    public Task<IActionResult> OnPostSubmitAsync(Guid id, Guid applicationId, CancellationToken cancellationToken) =>
        ActAsync(id, async caller => (await desk.SubmitAsync(id, applicationId, caller, cancellationToken)).Violation, "The application has been submitted.", cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid applicationId, CancellationToken cancellationToken) =>
        ActAsync(id, caller => desk.WithdrawAsync(id, applicationId, caller, cancellationToken), "The application has been withdrawn.", cancellationToken);

    /// <summary>The upload without script: the browser posts the form here (the script posts the same form to the API and shows progress).</summary>
    public async Task<IActionResult> OnPostUploadAsync(Guid id, Guid applicationId, IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var (staged, invalid) = await intake.StageAsync(file, cancellationToken);
        if (staged is null)
        {
            return await RefuseAsync(invalid!, id, cancellationToken);
        }
        using var form = new UploadForm { Document = staged };
        foreach (var key in new[] { "kind", "member", "issuedOn", "reference" })
        {
            form.Fields[key] = Request.Form[key].ToString();
        }
        var (receipt, warning, violation) = await desk.UploadAsync(id, applicationId, Caller()!, form, cancellationToken);
        if (violation is not null)
        {
            return await RefuseAsync(violation, id, cancellationToken);
        }
        TempData["Message"] = PortalText.Get("The document has been received.") + (warning is null ? "" : " " + PortalText.For(warning));
        return RedirectToPage(new { id, receipt = receipt!.DocumentId });
    }

    private async Task<IActionResult> ActAsync(Guid id, Func<Applicant, Task<RuleViolation?>> act, string doneKey, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (await act(Caller()!) is { } violation)
        {
            return await RefuseAsync(violation, id, cancellationToken);
        }
        TempData["Message"] = PortalText.Get(doneKey);
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> RefuseAsync(RuleViolation violation, Guid id, CancellationToken cancellationToken)
    {
        Error = PortalText.For(violation.Message);
        Response.StatusCode = violation.Kind switch
        {
            RuleKind.Invalid => StatusCodes.Status400BadRequest,
            RuleKind.Forbidden => StatusCodes.Status403Forbidden,
            RuleKind.NotFound => StatusCodes.Status404NotFound,
            RuleKind.Conflict => StatusCodes.Status409Conflict,
        };
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private Applicant? Caller() => User.OrganisationId() is { } org ? new Applicant(User.ToActor().Id, org) : null;

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tender is null || Caller() is not { } caller || !(await authorization.AuthorizeAsync(User, tender, TenderOperations.Read)).Succeeded)
        {
            return false;
        }
        Tender = tender;
        OrganisationId = caller.OrganisationId;
        var refusal = await window.RefuseAsync(db, tender, cancellationToken);
        WindowOpen = refusal is null;
        WindowReason = refusal is null ? null : PortalText.For(refusal.Message);
        DeadlineUtc = tender.Deadline(ApplicationSeal.DeadlineKey)?.DueAtUtc;
        Requirements = await db.SelectionRequirements.AsNoTracking().Where(r => r.TenderId == id).OrderBy(r => r.Order).ToListAsync(cancellationToken);
        var own = await reader.OwnAsync(id, caller.OrganisationId, cancellationToken);
        var current = own.FirstOrDefault(a => a.Status != ApplicationStatus.Withdrawn) ?? own.FirstOrDefault();
        Application = current is null ? null : await reader.ViewAsync(current, tender, Hosting.PortalCultures.Language, cancellationToken);
        return true;
    }
}
