using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Applications;

/// <summary>
/// What an application still lacks before it can be submitted: the vision, at least one reference per knock-out
/// requirement, an answer to every selection condition, and per member a Gedragsverklaring Aanbesteden (with issue
/// date, not lapsed on <c>today</c>: a lapsed declaration proves nothing) and a Bibob questionnaire.
/// </summary>
public static class ApplicationCompleteness
{
    public static async Task<IReadOnlyList<LocalizedText>> MissingAsync(TenderFlowDbContext db, Application application, DateOnly today, CancellationToken cancellationToken)
    {
        var missing = new List<LocalizedText>();
        var prefix = ApplicationOwners.Application(application.Id);
        var current = await db.Documents.AsNoTracking()
            .Where(d => d.TenderId == application.TenderId && d.SupersededAtUtc == null && (d.Owner == prefix || d.Owner.StartsWith(prefix + "/")))
            .Select(d => new { d.Owner, d.Kind }).ToListAsync(cancellationToken);
        if (!current.Any(d => d.Kind == ApplicationOwners.VisionKind))
        {
            missing.Add(new("de visie", "the vision"));
        }
        var requirements = await db.SelectionRequirements.AsNoTracking().Where(r => r.TenderId == application.TenderId).OrderBy(r => r.Order).ToListAsync(cancellationToken);
        var referenced = await db.ApplicationReferences.AsNoTracking().Where(r => r.ApplicationId == application.Id).Select(r => r.RequirementId).Distinct().ToListAsync(cancellationToken);
        foreach (var requirement in requirements.Where(r => !referenced.Contains(r.Id)))
        {
            missing.Add(new($"een referentie voor ervaringseis {requirement.Code}", $"a reference for experience requirement {requirement.Code}"));
        }
        var answered = await db.ApplicationAnswers.AsNoTracking().Where(a => a.ApplicationId == application.Id).Select(a => a.Condition).ToListAsync(cancellationToken);
        foreach (var condition in SelectionConditions.All.Where(c => !answered.Contains(c.Key)))
        {
            missing.Add(new($"een antwoord op '{condition.Title.Nl}'", $"an answer to '{condition.Title.En}'"));
        }
        var names = await db.Organisations.AsNoTracking().Where(o => application.Members.Select(m => m.OrganisationId).Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        foreach (var member in application.Members)
        {
            var owner = ApplicationOwners.Member(application.Id, member.OrganisationId);
            var name = names.GetValueOrDefault(member.OrganisationId, member.OrganisationId.ToString());
            if (member.GvaIssuedOn is null || !current.Any(d => d.Owner == owner && d.Kind == ApplicationOwners.GvaKind))
            {
                missing.Add(new($"de Gedragsverklaring Aanbesteden van {name}", $"the Gedragsverklaring Aanbesteden of {name}"));
            }
            else if (GvaValidity.LapsesOn(member.GvaIssuedOn.Value) <= today)
            {
                missing.Add(new($"een geldige Gedragsverklaring Aanbesteden van {name} (die van {member.GvaIssuedOn:dd-MM-yyyy} is verlopen)",
                    $"a valid Gedragsverklaring Aanbesteden of {name} (the one of {member.GvaIssuedOn:yyyy-MM-dd} has lapsed)"));
            }
            if (!current.Any(d => d.Owner == owner && d.Kind == ApplicationOwners.BibobKind))
            {
                missing.Add(new($"de Bibob-vragenlijst van {name}", $"the Bibob questionnaire of {name}"));
            }
        }
        return missing;
    }
}
