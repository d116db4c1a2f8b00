using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace TenderFlow.Web.Features.Legal;

public sealed class ReadsModel(LegalDossier dossiers, ReadLedger ledger, IAuthorizationService authorization) : LegalPageModel(dossiers, authorization)
{
    public IReadOnlyList<ReadItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        Items = await ledger.ItemsAsync(Dossier, cancellationToken);
        return Page();
    }
}
