using System.Security.Claims;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Authorization;

public static class ActorExtensions
{
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An authenticated user has no id.");
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Actor(id, user.Identity?.Name ?? id, roles);
    }
}
