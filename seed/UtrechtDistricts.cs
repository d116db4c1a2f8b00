namespace TenderFlow.Web.Seed;

/// <summary>The ten districts (wijken) of Utrecht with the postcode areas that lie in them, each with its place name.</summary>
public static class UtrechtDistricts
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> PostcodeAreas =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
        {
            ["Binnenstad"] = InUtrecht("3511", "3512"),
            ["Zuidwest"] = InUtrecht("3525", "3526", "3527", "3528"),
            ["Zuid"] = InUtrecht("3521", "3522", "3523", "3524"),
            ["Noordoost"] = InUtrecht("3513", "3514", "3571", "3572", "3573"),
            ["Oost"] = InUtrecht("3581", "3582", "3583", "3584", "3585"),
            ["Overvecht"] = InUtrecht("3561", "3562", "3563", "3564"),
            ["West"] = InUtrecht("3531", "3532", "3533"),
            ["Noordwest"] = InUtrecht("3551", "3552", "3553", "3554", "3555"),
            ["Leidsche Rijn"] = InUtrecht("3541", "3542", "3543", "3544", "3545"),
            ["Vleuten/De Meern"] = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["3451"] = "Vleuten", ["3452"] = "Vleuten", ["3453"] = "De Meern", ["3454"] = "De Meern", ["3455"] = "Haarzuilens",
            },
        };

    private static Dictionary<string, string> InUtrecht(params string[] areas) =>
        areas.ToDictionary(a => a, _ => "Utrecht", StringComparer.Ordinal);
}
