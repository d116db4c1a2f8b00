using Bogus;
using TenderFlow.Domain.Organisations;

namespace TenderFlow.Web.Seed;

/// <summary>Gives every curated organisation an id, a KvK number and a house number and postcode, the same ones on every run.</summary>
public static class DemoOrganisationGenerator
{
    // PostNL uses neither F, I, O, Q, U, Y in postcodes nor the combinations SA, SD and SS.
    private const string PostcodeLetters = "ABCDEGHJKLMNPRSTVWXZ";
    private static readonly HashSet<string> UnusedLetterPairs = new(StringComparer.Ordinal) { "SA", "SD", "SS" };

    public static IReadOnlyList<DemoOrganisation> Generate(IReadOnlyList<DemoOrganisationInput> inputs, int seed)
    {
        var random = new Randomizer(seed);
        var kvkNumbers = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<DemoOrganisation>();
        foreach (var input in inputs)
        {
            var kvk = NewKvkNumber(random, kvkNumbers);
            var organisation = new Organisation
            {
                Id = random.Guid(),
                Name = input.Name,
                KvkNumber = kvk,
                Address = $"{input.Street} {random.Number(1, 240)}",
                PostalCode = $"{input.PostcodeArea} {PostcodeLetterPair(random)}",
                City = UtrechtDistricts.PostcodeAreas[input.District][input.PostcodeArea],
            };
            result.Add(new DemoOrganisation(organisation, input));
        }
        return result;
    }

    private static string NewKvkNumber(Randomizer random, HashSet<string> taken)
    {
        while (true)
        {
            var kvk = random.Number(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!KvkNumber.IsValid(kvk))
            {
                throw new InvalidOperationException($"Generated KvK number '{kvk}' is not eight digits.");
            }
            if (taken.Add(kvk))
            {
                return kvk;
            }
        }
    }

    private static string PostcodeLetterPair(Randomizer random)
    {
        while (true)
        {
            var pair = new string([random.ArrayElement(PostcodeLetters.ToCharArray()), random.ArrayElement(PostcodeLetters.ToCharArray())]);
            if (!UnusedLetterPairs.Contains(pair))
            {
                return pair;
            }
        }
    }
}
