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

    /// <summary>The documents sealed in a vault of the tender that has not been opened, with the vault's name.</summary>
    public async Task<Dictionary<Guid, string>> SealedUnopenedAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        var sealedDocuments = new Dictionary<Guid, string>();
        foreach (var vault in vaults)
        {
            var opened = await db.VaultOpenings.AnyAsync(o => o.TenderId == tenderId && o.Vault == vault.Name && o.CompletedAtUtc != null, cancellationToken);
            if (opened)
            {
                continue;
            }
            foreach (var entry in await vault.ContentsAsync(db, tenderId, cancellationToken))
            {
                foreach (var document in entry.Documents.Where(d => d.DocumentId != Guid.Empty))
                {
                    sealedDocuments[document.DocumentId] = vault.Name;
                }
            }
        }
        return sealedDocuments;
    }

    /// <summary>Null when the content may be included; otherwise why it is withheld.</summary>
    public static string? WithheldReason(DocumentRecord document, bool requested, IReadOnlyDictionary<Guid, string> sealedUnopened)
    {
        if (document.Kind.StartsWith("dialogue.", StringComparison.Ordinal))
        {
            return Dialogue;
        }
        if (sealedUnopened.TryGetValue(document.Id, out var vault))
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
