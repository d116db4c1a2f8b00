using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Selection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Sealing;

namespace TenderFlow.Web.Features.Applications;

/// <summary>The selection vault: every submitted application, with the current version of each of its documents.</summary>
public sealed class SelectionVault : ISealedVault
{
    public string Name => ApplicationSeal.Vault;
    public string DeadlineKey => ApplicationSeal.DeadlineKey;
    public string Capability => "selection.opening";
    public string OwnerPrefix => "application/";

    public async Task<IReadOnlyList<SealedEntry>> ContentsAsync(TenderFlowDbContext db, Guid tenderId, CancellationToken cancellationToken)
    {
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.TenderId == tenderId && a.Status == ApplicationStatus.Submitted).OrderBy(a => a.SubmittedAtUtc).ToListAsync(cancellationToken);
        var organisationIds = applications.SelectMany(a => a.Members.Select(m => m.OrganisationId)).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.TenderId == tenderId && d.SupersededAtUtc == null && d.Owner.StartsWith(OwnerPrefix)).ToListAsync(cancellationToken);
        return applications.Select(a =>
        {
            var members = a.Members.OrderByDescending(m => m.IsLead).Select(m => names[m.OrganisationId]).ToList();
            var name = a.ConsortiumName is null ? members[0] : $"{a.ConsortiumName} ({string.Join(", ", members)})";
            var prefix = ApplicationOwners.Application(a.Id);
            var own = documents.Where(d => d.Owner == prefix || d.Owner.StartsWith(prefix + "/", StringComparison.Ordinal))
                .OrderBy(d => d.Kind).ThenBy(d => d.Owner).ThenBy(d => d.UploadedAtUtc)
                .Select(d => new SealedDocument(d.Id, d.FileName, d.Kind, d.SizeBytes, d.Sha256, d.UploadedAtUtc)).ToList();
            return new SealedEntry(a.Id, name, a.SubmittedAtUtc!.Value, own);
        }).ToList();
    }
}
