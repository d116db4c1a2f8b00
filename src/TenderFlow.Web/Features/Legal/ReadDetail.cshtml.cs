using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace TenderFlow.Web.Features.Legal;

public sealed class ReadDetailModel(LegalDossier dossiers, ReadLedger ledger, IAuthorizationService authorization) : LegalPageModel(dossiers, authorization)
{
    public ReadItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string? subject, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (ReadSubject.Parse(subject) is not { } parsed)
        {
            return BadRequest();
        }
        if (await ledger.ItemAsync(Dossier, parsed, cancellationToken) is not { } item)
        {
            return NotFound();
        }
        Item = item;
        return Page();
    }
}
