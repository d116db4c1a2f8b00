namespace TenderFlow.Web.Seed;

/// <summary>A person the demo created, printed on the console so a newcomer can sign in.</summary>
public sealed record DemoLogin(string Role, string UserName, string DisplayName, string? Organisation);
