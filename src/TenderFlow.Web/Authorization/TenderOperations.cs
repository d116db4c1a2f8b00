using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace TenderFlow.Web.Authorization;

/// <summary>What one may want to do with a tender; decided by <see cref="TenderAuthorizationHandler"/>.</summary>
public static class TenderOperations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };
    public static readonly OperationAuthorizationRequirement ReadConfidential = new() { Name = nameof(ReadConfidential) };
    public static readonly OperationAuthorizationRequirement ReadAudit = new() { Name = nameof(ReadAudit) };
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };
}
