using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TenderFlow.Web.Authorization;

namespace TenderFlow.Web.Features.Accounts;

/// <summary>Adds the organisation and display name to the sign-in, so authorisation needs no extra lookup.</summary>
public sealed class TenderFlowClaimsFactory(UserManager<TenderFlowUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TenderFlowUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TenderFlowUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.OrganisationId is { } organisation)
        {
            identity.AddClaim(new Claim(ClaimsPrincipalExtensions.OrganisationClaim, organisation.ToString()));
        }
        identity.AddClaim(new Claim("tenderflow:displayName", user.DisplayName));
        return identity;
    }
}
