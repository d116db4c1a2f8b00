using Microsoft.EntityFrameworkCore;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Applications;

/// <summary>
/// Whether a tender's selection vault is open. Other features (evaluation, decision) ask here before showing any
/// application content. An opening can only be completed after the application deadline (Sealing checks that), so a
/// complete opening implies both conditions of the seal.
/// </summary>
public static class ApplicationSeal
{
    public const string Vault = "selection";
    public const string DeadlineKey = "applicationsClose";

    public static Task<bool> IsOpenedAsync(TenderFlowDbContext db, Guid tenderId, CancellationToken cancellationToken) =>
        db.VaultOpenings.AnyAsync(o => o.TenderId == tenderId && o.Vault == Vault && o.CompletedAtUtc != null, cancellationToken);
}
