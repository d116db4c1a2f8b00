using Microsoft.EntityFrameworkCore;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Award;

/// <summary>How an application (a candidate or the participant) is named in letters and on the award notice.</summary>
public static class ParticipantNames
{
    public static async Task<(string Name, IReadOnlyList<string> Members)> OfApplicationAsync(TenderFlowDbContext db, Guid applicationId, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId, ct);
        var ids = application.Members.OrderByDescending(m => m.IsLead).Select(m => m.OrganisationId).Append(application.LeadOrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var members = ids.Where(names.ContainsKey).Select(id => names[id]).ToList();
        return (application.ConsortiumName ?? string.Join(", ", members), members);
    }
}
