using System.Text.Json;
using System.Text.RegularExpressions;
using TenderFlow.Domain.Organisations;

namespace TenderFlow.Web.Seed;

/// <summary>Reads and checks the curated organisations; a mistake in the file stops the seed before anything is written.</summary>
public static partial class DemoOrganisationCatalogue
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "seed", "organisations.json");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static IReadOnlyList<DemoOrganisationInput> Load(string path)
    {
        DemoOrganisationFile file;
        try
        {
            file = JsonSerializer.Deserialize<DemoOrganisationFile>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path}: empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        var problems = Check(file.Organisations).Select(p => $"{path}: {p}").ToList();
        return problems.Count == 0 ? file.Organisations : throw new InvalidDataException(string.Join(Environment.NewLine, problems));
    }

    public static IEnumerable<string> Check(IReadOnlyList<DemoOrganisationInput> organisations)
    {
        if (organisations.Count == 0)
        {
            yield return "no organisations";
        }
        foreach (var name in organisations.GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            yield return $"'{name}' appears more than once";
        }
        foreach (var user in organisations.Select(o => o.BidderLogin?.UserName).OfType<string>().GroupBy(u => u, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return $"bidder user '{user.Key}' appears more than once";
        }
        foreach (var o in organisations)
        {
            if (string.IsNullOrWhiteSpace(o.Name) || o.Name.Length > Organisation.MaxNameLength)
            {
                yield return $"'{o.Name}': a name of 1 to {Organisation.MaxNameLength} characters is needed";
            }
            if (!UtrechtDistricts.PostcodeAreas.TryGetValue(o.District, out var areas))
            {
                yield return $"'{o.Name}': district '{o.District}' is not one of {string.Join(", ", UtrechtDistricts.PostcodeAreas.Keys)}";
            }
            else if (!areas.ContainsKey(o.PostcodeArea))
            {
                yield return $"'{o.Name}': postcode area '{o.PostcodeArea}' is not in {o.District} ({string.Join(", ", areas.Keys)})";
            }
            if (o.CareForms.Count == 0 || o.CareForms.Distinct(StringComparer.Ordinal).Count() != o.CareForms.Count)
            {
                yield return $"'{o.Name}': give one or more care forms, each once";
            }
            foreach (var form in o.CareForms.Where(f => !WmoCareForms.All.Contains(f)))
            {
                yield return $"'{o.Name}': care form '{form}' is not one of {string.Join(", ", WmoCareForms.All)}";
            }
            if (string.IsNullOrWhiteSpace(o.Street))
            {
                yield return $"'{o.Name}': a street is needed";
            }
            if (o.BidderLogin is { } login && (!UserName().IsMatch(login.UserName) || !Domain().IsMatch(login.EmailDomain)))
            {
                yield return $"'{o.Name}': bidder user needs a short lower-case user name and a mail domain (got '{login.UserName}', '{login.EmailDomain}')";
            }
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9]{2,30}$")]
    private static partial Regex UserName();

    [GeneratedRegex(@"^[a-z0-9-]+(\.[a-z0-9-]+)+$")]
    private static partial Regex Domain();
}
