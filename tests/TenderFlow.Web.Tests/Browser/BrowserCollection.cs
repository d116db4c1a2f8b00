namespace TenderFlow.Web.Tests.Browser;

/// <summary>
/// All browser tests share one Chromium and one demo portal and run one after another (two cores: parallel
/// browsers only make each other slow). A test that changes what others see (the clock) starts its own portal.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>, ICollectionFixture<PortalServer>
{
    public const string Name = "Browser";
}
