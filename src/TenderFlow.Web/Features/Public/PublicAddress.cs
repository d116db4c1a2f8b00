using Microsoft.Extensions.Options;
using TenderFlow.Web.Features.Ocds;

namespace TenderFlow.Web.Features.Public;

/// <summary>
/// Where links that leave the request (open data packages, calendar files) point to: the configured public address
/// (<c>Ocds:PublicBaseUri</c>), or, unset, the address of the request. The Host header is the caller's to choose, so a
/// production site sets the address.
/// </summary>
public static class PublicAddress
{
    public static string Base(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<OcdsOptions>>().Value.PublicBaseUri?.TrimEnd('/')
        ?? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}
