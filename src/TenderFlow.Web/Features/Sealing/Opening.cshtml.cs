using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Sealing;

/// <summary>The four-eyes opening page: status for Procurement, Legal and Admin; recording and completing for Procurement.</summary>
[Authorize(Roles = $"{Roles.Procurement},{Roles.Legal},{Roles.Admin}")]
public sealed class OpeningModel(TenderFlowDbContext db, VaultOpenings openings, OpeningRecords records, Documents.DocumentReads reads, IAuthorizationService authorization) : PageModel
{
    public Tender Tender { get; private set; } = null!;
    public OpeningStatus Status { get; private set; } = null!;
    public bool MayOpen { get; private set; }
    public string UserId { get; private set; } = "";
    public string? Error { get; private set; }
    public Documents.Pdf.PdfReport? Record { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string vault, CancellationToken cancellationToken) =>
        await LoadAsync(id, vault, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostRecordAsync(Guid id, string vault, CancellationToken cancellationToken) =>
        ActAsync(id, vault, found => openings.RecordAsync(id, found, User.ToActor(), cancellationToken), "The opening has been recorded. A second buyer must now complete it.", cancellationToken);

    public Task<IActionResult> OnPostCompleteAsync(Guid id, string vault, CancellationToken cancellationToken) =>
        ActAsync(id, vault, async found => (await openings.CompleteAsync(id, found, User.ToActor(), cancellationToken)).Violation,
            "The vault has been opened. The proces-verbaal is ready.", cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, string vault, Func<ISealedVault, Task<RuleViolation?>> act, string doneKey, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, vault, cancellationToken))
        {
            return NotFound();
        }
        if (!MayOpen)
        {
            return Forbid();
        }
        if (await act(openings.Find(vault)!) is { } violation)
        {
            Error = PortalText.For(violation.Message);
            Response.StatusCode = violation.Kind == RuleKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
            await LoadAsync(id, vault, cancellationToken);
            return Page();
        }
        TempData["Message"] = PortalText.Get(doneKey);
        return RedirectToPage(new { id, vault });
    }

    private async Task<bool> LoadAsync(Guid id, string vault, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tender is null || openings.Find(vault) is not { } found || !(await authorization.AuthorizeAsync(User, tender, TenderOperations.ReadAudit)).Succeeded)
        {
            return false;
        }
        Tender = tender;
        Status = await openings.StatusAsync(tender, found, cancellationToken);
        MayOpen = (await authorization.AuthorizeAsync(User, tender, TenderOperations.Manage)).Succeeded;
        // Showing the proces-verbaal is reading it: the same policy and the same audited read as its download.
        if (Status.RecordDocumentId is { } recordId && await reads.AuthoriseAsync(recordId, User, cancellationToken) is not null
            && await db.VaultOpenings.AsNoTracking().SingleOrDefaultAsync(o => o.TenderId == id && o.Vault == found.Name && o.CompletedAtUtc != null, cancellationToken) is { } opened)
        {
            Record = await records.BuildAsync(tender, found, opened, cancellationToken);
        }
        UserId = User.ToActor().Id;
        return true;
    }
}
