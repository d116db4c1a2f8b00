using TenderFlow.Domain.Workflow;

namespace TenderFlow.Web.Seed;

/// <summary>Everyone the demo signs in as: the staff first, then one bidder user per organisation that has a bidder login.</summary>
public static class DemoPeople
{
    public static IReadOnlyList<DemoPerson> Generate(IReadOnlyList<DemoOrganisation> organisations, int seed)
    {
        var names = new DutchNames(seed);
        var people = DemoStaff.All
            .Select(s => new DemoPerson(s.Role, s.UserName, $"{s.UserName}@{s.EmailDomain}", names.Next(), null))
            .ToList();
        foreach (var organisation in organisations)
        {
            if (organisation.Input.BidderLogin is { } login)
            {
                people.Add(new DemoPerson(Roles.Bidder, login.UserName, $"{login.UserName}@{login.EmailDomain}", names.Next(), organisation));
            }
        }
        var clash = people.GroupBy(p => p.UserName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return clash is null ? people : throw new InvalidDataException($"Demo user name '{clash.Key}' is used twice.");
    }
}
