namespace TenderFlow.Web.Tests.Browser;

/// <summary>
/// All browser tests share one Chromium and one demo portal and run one after another: on two cores a second
/// browser only makes both slower (measured). A test that changes what others see (the clock) starts its own portal.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>, ICollectionFixture<PortalServer>
{
    public const string Name = "Browser";
}
