using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Documents;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Sealing;

namespace TenderFlow.Web.Features.AuditExport;

/// <summary>
/// Which documents' bytes may travel in an export. Every document is listed with its hash; content is included only
/// for the authority's published and procedural records (a whitelist, so a new kind stays withheld until someone decides
/// otherwise). Dialogue documents, sealed content not yet opened, bidders' documents and documents addressed to one
/// party (letters, the specification built from dialogue outcomes) are withheld with the reason.
/// </summary>
public sealed class ExportDocumentContent(TenderFlowDbContext db, IEnumerable<ISealedVault> vaults)
{
    private static readonly string[] IncludedKinds = ["publication.", "qa.nvi.published", "consultation.report", "sealing.record"];

    public const string NotRequested = "content not requested (export without documents=true)";
    public const string Dialogue = "confidential dialogue document: never exported";
    public const string Bidder = "document of a candidate or participant: business-confidential, listed by hash only";
    public const string NotPublic = "not a published or procedural record (confidential to the parties): listed by hash only";

    public static string Sealed(string vault) => $"sealed in vault '{vault}', which has not been opened";

    /// <summary>
    /// The tender's vaults without a completed opening. Whether a document is sealed goes by its owner, not by the
    /// vault's contents: those list only what stands submitted, while a draft, withdrawn or replaced version is just as
    /// confidential until the opening.
    /// </summary>
    public async Task<UnopenedVaults> UnopenedAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        var unopened = new List<ISealedVault>();
        foreach (var vault in vaults)
        {
            if (!await db.VaultOpenings.AnyAsync(o => o.TenderId == tenderId && o.Vault == vault.Name && o.CompletedAtUtc != null, cancellationToken))
            {
                unopened.Add(vault);
            }
        }
        return new UnopenedVaults(unopened);
    }

    /// <summary>Null when the content may be included; otherwise why it is withheld.</summary>
    public static string? WithheldReason(DocumentRecord document, bool requested, UnopenedVaults sealedUnopened)
    {
        if (document.Kind.StartsWith("dialogue.", StringComparison.Ordinal))
        {
            return Dialogue;
        }
        if (sealedUnopened.SealedIn(document) is { } vault)
        {
            return Sealed(vault);
        }
        if (document.OrganisationId is not null)
        {
            return Bidder;
        }
        if (!IncludedKinds.Any(k => document.Kind.StartsWith(k, StringComparison.Ordinal)))
        {
            return NotPublic;
        }
        return requested ? null : NotRequested;
    }
}

/// <summary>The vaults of a tender not opened yet; a document is sealed in the one whose owner prefix it carries.</summary>
public sealed class UnopenedVaults(IReadOnlyList<ISealedVault> vaults)
{
    /// <summary>The name of the unopened vault the document is sealed in, or null.</summary>
    public string? SealedIn(DocumentRecord document) =>
        vaults.FirstOrDefault(v => document.Owner.StartsWith(v.OwnerPrefix, StringComparison.Ordinal))?.Name;
}
