using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Language;

/// <summary>Remembers the chosen language (nl or en) in a cookie for a year.</summary>
[AllowAnonymous]
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        PortalCultures.Remember(Response, culture ?? "nl");
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
