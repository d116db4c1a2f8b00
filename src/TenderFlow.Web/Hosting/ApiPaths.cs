namespace TenderFlow.Web.Hosting;

/// <summary>Addresses that machines call: they answer with status codes and ProblemDetails, never with portal pages or redirects.</summary>
public static class ApiPaths
{
    public static bool Contains(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/scalar") || path.StartsWithSegments("/health");
}
