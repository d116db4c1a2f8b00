namespace TenderFlow.Web.Seed;

/// <summary>A demo user to create: one role, a short user name, a realistic name, and for bidders their organisation.</summary>
public sealed record DemoPerson(string Role, string UserName, string Email, string DisplayName, DemoOrganisation? Organisation)
{
    public DemoLogin ToLogin() => new(Role, UserName, DisplayName, Organisation?.Entity.Name);
}
