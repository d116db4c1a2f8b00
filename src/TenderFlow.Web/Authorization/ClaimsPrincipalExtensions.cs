using System.Security.Claims;

namespace TenderFlow.Web.Authorization;

public static class ClaimsPrincipalExtensions
{
    public const string OrganisationClaim = "tenderflow:organisation";

    public static Guid? OrganisationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(OrganisationClaim), out var id) ? id : null;
}
