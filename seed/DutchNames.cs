using Bogus;

namespace TenderFlow.Web.Seed;

/// <summary>Realistic Dutch full names from Bogus' "nl" locale, never the same name twice.</summary>
public sealed class DutchNames(int seed)
{
    // Bogus' Dutch surnames come without their tussenvoegsel ("Vries", "Meer"); these are the ones that carry one.
    private static readonly Dictionary<string, string> Tussenvoegsels = new(StringComparer.Ordinal)
    {
        ["Beek"] = "van", ["Berg"] = "van den", ["Boer"] = "de", ["Bosch"] = "van den", ["Brink"] = "van den",
        ["Broek"] = "van den", ["Bruin"] = "de", ["Dam"] = "van", ["Dijk"] = "van", ["Graaf"] = "de", ["Groot"] = "de",
        ["Haan"] = "de", ["Heuvel"] = "van den", ["Hoek"] = "van", ["Jong"] = "de", ["Leeuwen"] = "van", ["Linden"] = "van der",
        ["Meer"] = "van der", ["Ruiter"] = "de", ["Veen"] = "van", ["Ven"] = "van de", ["Vliet"] = "van", ["Vries"] = "de",
        ["Wal"] = "van der", ["Wit"] = "de",
    };

    private readonly Faker _faker = new("nl") { Random = new Randomizer(seed) };
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string Next()
    {
        while (true)
        {
            var first = _faker.Name.FirstName();
            var last = _faker.Name.LastName();
            // The locale's surname list contains the word "Stichting" (foundation), which is no one's name.
            if (last == "Stichting")
            {
                continue;
            }
            var name = Tussenvoegsels.TryGetValue(last, out var prefix) ? $"{first} {prefix} {last}" : $"{first} {last}";
            if (_used.Add(name))
            {
                return name;
            }
        }
    }
}
