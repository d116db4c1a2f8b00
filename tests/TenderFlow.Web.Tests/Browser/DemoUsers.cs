using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>The demo's sign-ins (seed/DemoStaff.cs and the bidder logins in seed/organisations.json).</summary>
public static class DemoUsers
{
    public const string Password = DemoMode.DefaultPassword;

    public const string Admin = "admin";
    public const string Procurement = "inkoper";
    public const string Evaluator = "beoordelaar";
    public const string Legal = "jurist";
    public const string Partner = "partner";
    public const string Bidder = "wijkzorg";

    /// <summary>The demo tender's title (seed/DemoSeeder.cs); its reference depends on the clock.</summary>
    public const string TenderTitle = Web.Seed.DemoSeeder.TenderTitle;
}
