namespace TenderFlow.Web.Seed;

/// <summary>The forms of specialised Wmo support Utrecht contracts today (DOMAIN.md).</summary>
public static class WmoCareForms
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "Individuele begeleiding", "Thuisbegeleiding", "Beschermd thuis", "Dagbegeleiding", "Arbeidsmatige activering",
    };
}
