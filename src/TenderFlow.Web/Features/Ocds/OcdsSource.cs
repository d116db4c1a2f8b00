using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Consultation;
using TenderFlow.Web.Features.Publication;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Ocds;

/// <summary>
/// Loads the <see cref="OcdsSnapshot"/> of a tender. Only published material is read: public versions of tender documents,
/// public session reports, notes, published answers (without asker), submitted applications' organisations (names and KvK
/// only), award decisions and the contract record. Dialogue, submissions, scores and objections are never queried.
/// </summary>
public sealed class OcdsSource(TenderFlowDbContext db, DefinitionCatalog catalog, TenderHistory history, PublicationStage stage)
{
    public async Task<OcdsSnapshot> LoadAsync(Tender tender, CancellationToken ct)
    {
        var definition = await catalog.ForHashAsync(db, tender.DefinitionHash, ct);
        var events = await history.LoadAsync(tender, definition, ct);
        var sessions = await db.ConsultationSessions.AsNoTracking().Where(s => s.TenderId == tender.Id).OrderBy(s => s.StartsAtUtc).ToListAsync(ct);

        var publicSessions = tender.IsPublic ? sessions.Where(s => s.ReportIsPublic).ToDictionary(s => s.ReportOwner) : [];
        var reportOwners = publicSessions.Keys.ToList();
        var reports = (await db.Documents.AsNoTracking()
                .Where(d => d.TenderId == tender.Id && d.Kind == SessionReports.Kind && reportOwners.Contains(d.Owner)).ToListAsync(ct))
            .Where(d => publicSessions[d.Owner].IsPublicReportVersion(d.Version))
            .Select(d => new OcdsFile(d.Id, $"Verslag: {publicSessions[d.Owner].Title}", "marketStudies", d.FileName, d.ContentType, d.UploadedAtUtc, d.SupersededAtUtc))
            .OrderBy(f => f.PublicFromUtc).ToList();

        var documents = await PublicationFilesAsync(tender, ct);
        var notes = await db.InformationNotes.AsNoTracking().Where(n => n.TenderId == tender.Id).OrderBy(n => n.Number).ToListAsync(ct);
        var noteIds = notes.Select(n => n.DocumentId).ToList();
        var noteFiles = await db.Documents.AsNoTracking().Where(d => noteIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        documents.AddRange(notes.Where(n => noteFiles.ContainsKey(n.DocumentId)).Select(n => new OcdsFile(
            n.DocumentId, $"Nota van inlichtingen {n.Number}", "clarifications", noteFiles[n.DocumentId].FileName, noteFiles[n.DocumentId].ContentType, n.PublishedAtUtc, null)));

        var questions = await db.Questions.AsNoTracking().Where(q => q.TenderId == tender.Id && q.PublishedAtUtc != null).ToListAsync(ct);
        var awards = await db.AwardDecisions.AsNoTracking().Where(a => a.TenderId == tender.Id).ToListAsync(ct);
        var contract = await db.ContractRecords.AsNoTracking().SingleOrDefaultAsync(c => c.TenderId == tender.Id, ct);
        var extensions = await db.ExtensionDecisions.AsNoTracking().Where(x => x.TenderId == tender.Id).ToListAsync(ct);

        var candidates = await CandidatesAsync(tender.Id, ct);
        var subjects = candidates.SelectMany(c => c.Members).Select(o => OcdsOrganisationHistory.Subject(o.Id)).Distinct().ToList();
        var organisationEvents = await db.AuditEvents.AsNoTracking()
            .Where(e => e.TenderId == null && (e.Action == OcdsOrganisationHistory.Created || e.Action == OcdsOrganisationHistory.Changed) && subjects.Contains(e.Subject))
            .ToListAsync(ct);

        return new OcdsSnapshot(tender, events, sessions, reports, documents.OrderBy(d => d.PublicFromUtc).ToList(),
            questions.OrderBy(q => q.PublishedAtUtc).ThenBy(q => q.NumberInNote).ToList(), candidates,
            awards.OrderBy(a => a.AnnouncedAtUtc).ToList(), contract, extensions.OrderBy(x => x.DecidedAtUtc).ToList(),
            new OcdsOrganisationHistory(organisationEvents));
    }

    /// <summary>The versions of tender documents the public may read (the same rule as the download policy), public from publication on.</summary>
    private async Task<List<OcdsFile>> PublicationFilesAsync(Tender tender, CancellationToken ct)
    {
        var state = await stage.ForAsync(db, tender, ct);
        if (!state.IsPublished)
        {
            return [];
        }
        var documents = await db.PublicationDocuments.AsNoTracking().Where(d => d.TenderId == tender.Id).ToListAsync(ct);
        var byOwner = documents.ToDictionary(d => d.Owner);
        var owners = byOwner.Keys.ToList();
        var files = await db.Documents.AsNoTracking()
            .Where(f => f.TenderId == tender.Id && owners.Contains(f.Owner) && f.Kind.StartsWith("publication.")).ToListAsync(ct);
        var started = state.PublicationStartedAtUtc!.Value;
        return files.Where(f => PublicationDocuments.IsPublicVersion(f, state))
            .Select(f => new OcdsFile(f.Id, byOwner[f.Owner].Title, "biddingDocuments", f.FileName, f.ContentType,
                f.UploadedAtUtc > started ? f.UploadedAtUtc : started, f.SupersededAtUtc))
            .ToList();
    }

    private async Task<IReadOnlyList<OcdsCandidate>> CandidatesAsync(Guid tenderId, CancellationToken ct)
    {
        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.TenderId == tenderId && a.Status == ApplicationStatus.Submitted).OrderBy(a => a.SubmittedAtUtc).ToListAsync(ct);
        var ids = applications.SelectMany(a => a.OrganisationIds).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return applications.Select(a => new OcdsCandidate(a.Id, a.ConsortiumName,
                a.Members.OrderByDescending(m => m.IsLead).Select(m => m.OrganisationId).Prepend(a.LeadOrganisationId).Distinct()
                    .Where(organisations.ContainsKey).Select(id => organisations[id]).ToList()))
            .ToList();
    }
}
