using TenderFlow.Web.Seed;

namespace TenderFlow.Web.Tests.Seed;

public sealed class DemoOrganisationCatalogueTests
{
    private static readonly DemoOrganisationInput Valid =
        new("Stichting Test Overvecht", "Overvecht", ["Dagbegeleiding"], "Zamenhofdreef", "3562", null);

    [Fact]
    public void The_shipped_file_covers_every_district_and_care_form_and_names_three_bidder_logins()
    {
        var organisations = DemoOrganisationCatalogue.Load(DemoOrganisationCatalogue.DefaultPath);
        Assert.InRange(organisations.Count, 10, 15);
        Assert.Equal(UtrechtDistricts.PostcodeAreas.Keys.Order(), organisations.Select(o => o.District).Distinct().Order());
        Assert.Equal(WmoCareForms.All.Order(), organisations.SelectMany(o => o.CareForms).Distinct().Order());
        Assert.Equal(3, organisations.Count(o => o.BidderLogin is not null));
    }

    [Fact]
    public void A_valid_entry_has_no_problems() => Assert.Empty(DemoOrganisationCatalogue.Check([Valid]));

    [Theory]
    [InlineData("district", "Lunetten")]
    [InlineData("postcodeArea", "3511")]
    [InlineData("careForm", "Huishoudelijke hulp")]
    [InlineData("street", " ")]
    public void A_mistake_in_an_entry_is_named(string field, string value)
    {
        var wrong = field switch
        {
            "district" => Valid with { District = value },
            "postcodeArea" => Valid with { PostcodeArea = value },
            "careForm" => Valid with { CareForms = [value] },
            _ => Valid with { Street = value },
        };
        var problem = Assert.Single(DemoOrganisationCatalogue.Check([wrong]));
        Assert.Contains(Valid.Name, problem);
    }

    [Fact]
    public void Two_organisations_with_one_bidder_user_name_are_refused()
    {
        var login = new DemoBidderLogin("zorg", "zorg.example.nl");
        var problems = DemoOrganisationCatalogue.Check([Valid with { BidderLogin = login }, Valid with { Name = "Ander", BidderLogin = login }]);
        Assert.Contains(problems, p => p.Contains("'zorg'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_file_stops_the_seed_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tenderflow-orgs-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "organisations": [ { "name": "Zonder wijk" } ] }""");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => DemoOrganisationCatalogue.Load(path));
            Assert.Contains(path, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
