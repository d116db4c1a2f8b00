using System.Resources;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features;

/// <summary>Portal texts outside a view (binding messages, rule messages) from the same resource files.</summary>
public static class PortalText
{
    private static readonly ResourceManager Resources = new("TenderFlow.Web.Resources.SharedResource", typeof(PortalText).Assembly);

    public static string Get(string key) => Resources.GetString(key, System.Globalization.CultureInfo.CurrentUICulture) ?? key;

    public static string For(Domain.Workflow.Definitions.LocalizedText text) => text.For(PortalCultures.Language);

    /// <summary>A role as recorded in the trail ("Procurement", "Admin,Legal", "System") in the reader's language.</summary>
    public static string Roles(string roles) => Roles(roles, System.Globalization.CultureInfo.CurrentUICulture);

    /// <summary>The same in <paramref name="language"/> ("nl" or "en"), for documents written for someone else than the reader.</summary>
    public static string Roles(string roles, string language) =>
        Roles(roles, System.Globalization.CultureInfo.GetCultureInfo(string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? "en" : "nl"));

    private static string Roles(string roles, System.Globalization.CultureInfo culture) =>
        string.Join(", ", roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => Resources.GetString("Role " + r, culture) ?? r));
}
