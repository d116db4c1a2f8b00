using Microsoft.AspNetCore.Authorization;
using TenderFlow.Domain.Workflow;

namespace TenderFlow.Web.Authorization;

/// <summary>
/// Endpoint-level rules. Per-tender decisions (may this person see or act on THIS tender) are made by
/// <see cref="TenderAuthorizationHandler"/>; which role may fire a trigger is named by the definition and checked by the engine.
/// </summary>
public static class TenderPolicies
{
    /// <summary>Any signed-in person; what they may see of a particular tender is decided per resource.</summary>
    public const string SignedIn = nameof(SignedIn);
    public const string CreateTenders = nameof(CreateTenders);
    public const string VerifyAudit = nameof(VerifyAudit);
    public const string ManagePeople = nameof(ManagePeople);

    public static readonly string[] CreatorRoles = [Roles.Procurement];

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(CreateTenders, p => p.RequireRole(CreatorRoles));
        options.AddPolicy(VerifyAudit, p => p.RequireRole(Roles.Legal, Roles.Admin));
        options.AddPolicy(ManagePeople, p => p.RequireRole(Roles.Admin));
    }
}
