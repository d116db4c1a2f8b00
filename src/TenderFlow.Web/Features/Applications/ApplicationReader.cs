using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Applications;

/// <summary>
/// Builds the full view of an application. Callers decide first whether the reader may see it
/// (<see cref="ApplicationAccess"/>); this class does not check.
/// </summary>
public sealed class ApplicationReader(TenderFlowDbContext db, TimeProvider clock)
{
    /// <param name="submittedVersionsOnly">
    /// For staff reading the opened vault: leave out document versions the applicant replaced, which were never submitted
    /// (<see cref="Documents.SubmittedVersions"/>); the applicant's own view keeps its history.
    /// </param>
    public async Task<ApplicationView> ViewAsync(Application application, Tender tender, string language, CancellationToken cancellationToken,
        bool submittedVersionsOnly = false)
    {
        var organisations = await db.Organisations.AsNoTracking().Where(o => application.Members.Select(m => m.OrganisationId).Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var today = ApplicationDesk.AmsterdamDate(clock.GetUtcNow().UtcDateTime);
        var award = ApplicationDesk.PlannedAward(tender);
        var members = application.Members.OrderByDescending(m => m.IsLead).ThenBy(m => organisations[m.OrganisationId].Name)
            .Select(m => new MemberView(m.OrganisationId, organisations[m.OrganisationId].Name, organisations[m.OrganisationId].KvkNumber, m.IsLead, m.Role,
                m.GvaIssuedOn, m.GvaIssuedOn is { } issued ? GvaValidity.LapsesOn(issued) : null,
                m.GvaIssuedOn is { } on ? GvaValidity.Warning(on, today, award)?.For(language) : null))
            .ToList();
        var requirements = await db.SelectionRequirements.AsNoTracking().Where(r => r.TenderId == application.TenderId).ToDictionaryAsync(r => r.Id, cancellationToken);
        var references = (await db.ApplicationReferences.AsNoTracking().Where(r => r.ApplicationId == application.Id).ToListAsync(cancellationToken))
            .OrderBy(r => requirements.TryGetValue(r.RequirementId, out var q) ? q.Order : int.MaxValue).ThenBy(r => r.RecordedAtUtc)
            .Select(r => new ReferenceView(r.Id, r.RequirementId, requirements.TryGetValue(r.RequirementId, out var q) ? q.Code : "?", r.OrganisationId,
                r.Client, r.PeriodFrom, r.PeriodTo, r.CareForms, r.Scale, r.Description))
            .ToList();
        var answers = (await db.ApplicationAnswers.AsNoTracking().Where(a => a.ApplicationId == application.Id).ToListAsync(cancellationToken))
            .Select(a => new AnswerView(a.Condition, SelectionConditions.Find(a.Condition)?.Title.For(language) ?? a.Condition, a.Complies, a.Explanation))
            .OrderBy(a => SelectionConditions.All.ToList().FindIndex(c => c.Key == a.Condition))
            .ToList();
        var prefix = ApplicationOwners.Application(application.Id);
        var documents = (await db.Documents.AsNoTracking()
                .Where(d => d.TenderId == application.TenderId && (d.Owner == prefix || d.Owner.StartsWith(prefix + "/")))
                // The candidate's own uploads; the selection letter filed with the application is not one of them.
                .Where(d => d.Kind.StartsWith(ApplicationOwners.KindPrefix))
                .Where(d => !submittedVersionsOnly || d.SupersededAtUtc == null)
                .ToListAsync(cancellationToken))
            .OrderBy(d => d.Kind).ThenBy(d => d.Owner).ThenByDescending(d => d.Version)
            .Select(d =>
            {
                var parts = d.Owner.Split('/');
                Guid? member = parts.Length == 4 && parts[2] == "member" && Guid.TryParse(parts[3], out var m) ? m : null;
                Guid? reference = parts.Length == 4 && parts[2] == "reference" && Guid.TryParse(parts[3], out var r) ? r : null;
                return new ApplicationDocumentView(d.Id, d.Kind, d.Owner, member, reference, d.FileName, d.SizeBytes, d.Sha256, d.UploadedAtUtc, d.Version, d.IsCurrent);
            })
            .ToList();
        var missing = application.Status == ApplicationStatus.Withdrawn
            ? []
            : (await ApplicationCompleteness.MissingAsync(db, application, ApplicationDesk.AmsterdamDate(clock.GetUtcNow().UtcDateTime), cancellationToken)).Select(m => m.For(language)).ToList();
        return new ApplicationView(application.Id, application.TenderId, application.Status, application.ConsortiumName, application.LeadOrganisationId,
            application.CreatedAtUtc, application.SubmittedAtUtc, application.WithdrawnAtUtc, application.Revision,
            members, references, answers, documents, members.Where(m => m.GvaWarning is not null).Select(m => m.GvaWarning!).ToList(), missing);
    }

    /// <summary>The applications of the caller's organisation (lead or member) for this tender, newest first.</summary>
    public Task<List<Application>> OwnAsync(Guid tenderId, Guid organisationId, CancellationToken cancellationToken) =>
        db.Applications.AsNoTracking().Where(a => a.TenderId == tenderId && a.Members.Any(m => m.OrganisationId == organisationId))
            .OrderByDescending(a => a.CreatedAtUtc).ToListAsync(cancellationToken);

    public Task<int> SubmittedCountAsync(Guid tenderId, CancellationToken cancellationToken) =>
        db.Applications.CountAsync(a => a.TenderId == tenderId && a.Status == ApplicationStatus.Submitted, cancellationToken);
}
