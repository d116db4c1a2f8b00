using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TenderFlow.Web.Authorization;

namespace TenderFlow.Web.Features.Legal;

/// <summary>
/// The workspace pages' shared entry: a tender one may not read does not exist (404), one may read without being an
/// audit reader is refused (403), as on the audit trail page. Every page is GET only.
/// </summary>
public abstract class LegalPageModel(LegalDossier dossiers, IAuthorizationService authorization) : PageModel
{
    public DossierData Dossier { get; private set; } = null!;

    protected LegalDossier Dossiers => dossiers;

    protected async Task<IActionResult?> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var tender = await dossiers.TenderAsync(id, cancellationToken);
        if (tender is null || !(await authorization.AuthorizeAsync(User, tender, TenderOperations.Read)).Succeeded)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, tender, TenderOperations.ReadAudit)).Succeeded)
        {
            return Forbid();
        }
        Dossier = await dossiers.LoadAsync(tender, User, cancellationToken);
        return null;
    }
}
