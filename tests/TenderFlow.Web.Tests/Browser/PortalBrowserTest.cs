using Microsoft.Playwright;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>
/// Base of a browser test: xunit makes one instance per test, so every test gets a fresh browser context
/// (no cookies, no language choice, no sign-in from an earlier test) on the shared demo portal.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class PortalBrowserTest(ChromiumFixture chromium, PortalServer portal) : IAsyncLifetime
{
    private IBrowserContext? _context;
    private IPage? _page;

    protected ChromiumFixture Chromium { get; } = chromium;
    protected PortalServer Portal { get; } = portal;
    protected IPage Page => _page ?? throw new InvalidOperationException("The page is opened in InitializeAsync.");

    public async Task InitializeAsync()
    {
        _context = await Chromium.NewContextAsync(Portal.BaseUrl);
        _page = await _context.NewPageAsync();
        _page.SetDefaultTimeout(10_000);
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
    }

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);
}
