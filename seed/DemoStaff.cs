using TenderFlow.Domain.Workflow;

namespace TenderFlow.Web.Seed;

/// <summary>The municipality's people and a city partner, in the order the console lists them.</summary>
public static class DemoStaff
{
    public const string MunicipalityDomain = "utrecht.example.nl";
    public const string PartnerDomain = "buurtteamsutrecht.example.nl";

    public static readonly IReadOnlyList<(string Role, string UserName, string EmailDomain)> All =
    [
        (Roles.Admin, "admin", MunicipalityDomain),
        // Two buyers: four-eyes steps need a second person from Procurement.
        (Roles.Procurement, "inkoper", MunicipalityDomain),
        (Roles.Procurement, "inkoper2", MunicipalityDomain),
        (Roles.Evaluator, "beoordelaar", MunicipalityDomain),
        (Roles.Legal, "jurist", MunicipalityDomain),
        (Roles.Partner, "partner", PartnerDomain),
    ];
}
