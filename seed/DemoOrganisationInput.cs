namespace TenderFlow.Web.Seed;

/// <summary>One curated care provider from <c>seed/organisations.json</c>.</summary>
public sealed record DemoOrganisationInput(
    string Name, string District, IReadOnlyList<string> CareForms, string Street, string PostcodeArea, DemoBidderLogin? BidderLogin = null);

/// <summary>The demo bidder user of an organisation: the user name and the mail domain of the organisation.</summary>
public sealed record DemoBidderLogin(string UserName, string EmailDomain);

public sealed record DemoOrganisationFile(IReadOnlyList<DemoOrganisationInput> Organisations);
