namespace TenderFlow.Web.Hosting;

/// <summary>
/// Demo mode is the default: on first start (no users) the demo is seeded and its logins printed.
/// <c>--no-demo</c> starts empty; <c>Demo:Password</c> sets the demo users' password.
/// </summary>
public sealed class DemoMode(IConfiguration configuration)
{
    public const string NoDemoSwitch = "--no-demo";
    public const string DefaultPassword = "Utrecht-Wmo-2027";

    public bool Enabled { get; } = configuration.GetValue("Demo:Enabled", true);
    public string Password { get; } = configuration["Demo:Password"] is { Length: > 0 } p ? p : DefaultPassword;

    /// <summary>The logins created by this start, for the console banner.</summary>
    public IReadOnlyList<Seed.DemoLogin> CreatedLogins { get; set; } = [];

    /// <summary>Turns the bare <c>--no-demo</c> switch into configuration (the command-line provider wants key=value).</summary>
    public static string[] Normalise(string[] args) =>
        args.Select(a => a == NoDemoSwitch ? "--Demo:Enabled=false" : a).ToArray();
}
