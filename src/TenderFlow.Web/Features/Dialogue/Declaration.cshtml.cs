using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TenderFlow.Domain.Tenders;

namespace TenderFlow.Web.Features.Dialogue;

/// <summary>The confidentiality declaration a partner accepts before it sees anything of the dialogue.</summary>
public sealed class DeclarationModel(DialogueGate gate, DialoguePartners partners) : PageModel
{
    public Tender Tender { get; private set; } = null!;
    public bool Accepted { get; private set; }
    public string? Error { get; private set; }

    /// <summary>After a refusal the checkbox is described by the error first, then by the declaration it accepts.</summary>
    public const string RefusedDescription = Shared.FieldError.MessageId + " declaration-text";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, bool accept, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (await partners.AcceptDeclarationAsync(id, accept, User, cancellationToken) is { } violation)
        {
            Error = PortalText.For(violation.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = PortalText.Get("You have accepted the confidentiality declaration.");
        return Redirect(DialoguePaths.Overview(id));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var (tender, viewer, refused) = await gate.EnterAsync(id, User, cancellationToken, declarationPendingAllowed: true);
        if (refused is not null || !viewer.IsPartner)
        {
            return NotFound();
        }
        Tender = tender!;
        Accepted = viewer.DeclarationAccepted;
        return null;
    }
}
