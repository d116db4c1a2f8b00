using Microsoft.Playwright;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>
/// One Playwright driver and one headless Chromium for a test collection. The browser is Debian's
/// (<c>apt-get install chromium</c>, which tests/run.sh does when it is missing): Playwright cannot download its own here.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>How long a page action or navigation may take before the test fails (milliseconds).</summary>
    public const float ActionTimeout = 15_000;

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not been started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"The browser tests need Chromium at {ExecutablePath}: run `apt-get install -y chromium` (tests/run.sh does this).");
        }
        // Generous waits: CI runs the other test projects at the same time on two cores.
        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
        });
    }

    /// <summary>A fresh context (own cookies, own storage) on the portal at <paramref name="baseUrl"/>.</summary>
    public Task<IBrowserContext> NewContextAsync(Uri baseUrl) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}
