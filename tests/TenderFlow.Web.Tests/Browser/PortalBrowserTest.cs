using Microsoft.Playwright;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>
/// Base of a browser test: xunit makes one instance per test, so every test gets a fresh browser context
/// (no cookies, no language choice, no sign-in from an earlier test) on the shared demo portal.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class PortalBrowserTest(ChromiumFixture chromium, PortalServer portal) : IAsyncLifetime
{
    private readonly List<string> _browserErrors = [];
    private IBrowserContext? _context;
    private IPage? _page;

    protected ChromiumFixture Chromium { get; } = chromium;
    protected PortalServer Portal { get; } = portal;
    protected IPage Page => _page ?? throw new InvalidOperationException("The page is opened in InitializeAsync.");

    /// <summary>Script errors and console errors (a failed resource, a blocked script or style) seen so far.</summary>
    protected IReadOnlyList<string> BrowserErrors => _browserErrors;

    public async Task InitializeAsync()
    {
        _context = await Chromium.NewContextAsync(Portal.BaseUrl);
        _page = await _context.NewPageAsync();
        _page.SetDefaultTimeout(ChromiumFixture.ActionTimeout);
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _browserErrors.Add($"{message.Location}: {message.Text}");
            }
        };
        _page.PageError += (_, error) => _browserErrors.Add(error);
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
    }

    /// <summary>
    /// Opens the start page signed in as <paramref name="userName"/> with the cookies of an earlier form sign-in
    /// (<see cref="SignInCache"/>). Tests about signing in use <see cref="PortalPages.SignInAsync"/> instead.
    /// </summary>
    protected async Task StartSignedInAsync(string userName)
    {
        await _context!.AddCookiesAsync(await Portal.SignIns.CookiesAsync(Chromium.Browser, userName));
        await Page.GotoAsync("/");
        await Expect(Page.Locator(".user-name")).ToBeVisibleAsync();
    }

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);
}
