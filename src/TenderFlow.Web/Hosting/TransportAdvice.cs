namespace TenderFlow.Web.Hosting;

/// <summary>
/// Outside Development the portal's cookies are HTTPS-only. An instance that listens on http:// and does not believe a
/// proxy's X-Forwarded-Proto cannot sign anyone in; the start-up banner says so instead of leaving it to the first 500.
/// </summary>
public static class TransportAdvice
{
    public static string? For(IHostEnvironment environment, IConfiguration configuration, IEnumerable<string> addresses)
    {
        if (environment.IsDevelopment() || environment.IsEnvironment("Testing")
            || !addresses.Any(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            // Read as ASP.NET Core reads it: only "true" switches forwarded headers on, and nothing here may throw at start-up.
            || string.Equals(configuration["FORWARDEDHEADERS_ENABLED"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return "  Warning: the portal's cookies are HTTPS-only here, but this instance listens on http://. Behind a proxy that ends TLS, " +
            "set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true; otherwise listen on https:// with a certificate. Until then signing in fails.";
    }
}
