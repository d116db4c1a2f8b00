using Hangfire.Dashboard;
using TenderFlow.Domain.Workflow;

namespace TenderFlow.Web.Features.Deadlines;

/// <summary>The Hangfire dashboard (job arguments name tenders and deadlines) is for Admin and Procurement only, and read-only.</summary>
public sealed class DashboardAccess : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Procurement));
    }
}
