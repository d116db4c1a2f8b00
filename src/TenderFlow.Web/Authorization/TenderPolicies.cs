using Microsoft.AspNetCore.Authorization;
using TenderFlow.Domain.Workflow;

namespace TenderFlow.Web.Authorization;

/// <summary>
/// Who may call what in the HTTP API. Firing a trigger needs only an authenticated user here because the
/// definition names the roles per trigger and the engine checks them.
/// </summary>
public static class TenderPolicies
{
    public const string ReadProcedures = nameof(ReadProcedures);
    public const string ReadTenders = nameof(ReadTenders);
    public const string CreateTenders = nameof(CreateTenders);
    public const string FireTriggers = nameof(FireTriggers);
    public const string ReadAudit = nameof(ReadAudit);
    public const string VerifyAudit = nameof(VerifyAudit);

    public static readonly string[] CreatorRoles = [Roles.Procurement];
    public static readonly string[] StaffRoles = [Roles.Admin, Roles.Procurement, Roles.Evaluator, Roles.Legal];

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(ReadProcedures, p => p.RequireAuthenticatedUser());
        options.AddPolicy(ReadTenders, p => p.RequireRole(StaffRoles));
        options.AddPolicy(CreateTenders, p => p.RequireRole(CreatorRoles));
        options.AddPolicy(FireTriggers, p => p.RequireAuthenticatedUser());
        options.AddPolicy(ReadAudit, p => p.RequireRole(Roles.Legal, Roles.Procurement, Roles.Admin));
        options.AddPolicy(VerifyAudit, p => p.RequireRole(Roles.Legal, Roles.Admin));
    }
}
