using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Organisations;
using TenderFlow.Web.Features.Accounts;

namespace TenderFlow.Web.Seed;

/// <summary>
/// The audit events of the demo's organisations and accounts, shaped like those of the admin pages, so Legal sees where
/// every demo account came from. The seeder, not a person, created them.
/// </summary>
public static class DemoAuditRecords
{
    public const string ActorId = "system:demo-seeder";

    public static IEnumerable<AuditRecord> For(IEnumerable<Organisation> organisations, IEnumerable<(TenderFlowUser User, string Role)> people)
    {
        foreach (var o in organisations)
        {
            yield return new AuditRecord("organisation.created", $"organisation/{o.Id}", new { o.Name, o.KvkNumber, o.Address, o.PostalCode, o.City });
        }
        foreach (var (user, role) in people)
        {
            yield return new AuditRecord("user.created", $"user/{user.Id}", new { user.UserName, user.DisplayName, organisationId = user.OrganisationId });
            yield return new AuditRecord("user.role.added", $"user/{user.Id}", new { user.UserName, role });
        }
    }
}
