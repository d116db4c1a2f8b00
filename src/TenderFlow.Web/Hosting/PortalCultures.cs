using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace TenderFlow.Web.Hosting;

/// <summary>Dutch by default (a Dutch government service); English on request, remembered in a cookie.</summary>
public static class PortalCultures
{
    public static readonly CultureInfo Dutch = new("nl");
    public static readonly CultureInfo English = new("en");
    public static readonly CultureInfo[] Supported = [Dutch, English];

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Dutch),
            SupportedCultures = Supported,
            SupportedUICultures = Supported,
        };
        options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        return options;
    }

    /// <summary>Remembers a language for this browser for a year (the language switch, and signing in without a choice made).</summary>
    public static void Remember(HttpResponse response, string language)
    {
        var chosen = Supported.FirstOrDefault(c => c.TwoLetterISOLanguageName == language) ?? Dutch;
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, Secure = response.HttpContext.Request.IsHttps, HttpOnly = true, SameSite = SameSiteMode.Lax });
    }

    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";

    /// <summary>
    /// The language of an API answer: the portal's chosen language when the request carries it (cookie or <c>?culture=</c>:
    /// the portal's own scripts call the API), otherwise the caller's <c>Accept-Language</c>, Dutch by default.
    /// </summary>
    public static string RequestLanguage(HttpContext http) =>
        http.Features.Get<IRequestCultureFeature>()?.Provider is not null ? Language
            : http.Request.Headers.AcceptLanguage.ToString().StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "nl";
}
