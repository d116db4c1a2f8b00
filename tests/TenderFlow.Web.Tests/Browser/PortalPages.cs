using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>What a person does in the portal, as Playwright steps: sign in through the real form, open a tender.</summary>
public static partial class PortalPages
{
    public const string LoginPath = "/Accounts/Login";

    /// <summary>The start page ("/") and nothing else: no query string, no further path.</summary>
    [GeneratedRegex(@"^https?://[^/]+/$")]
    public static partial Regex StartPageUrl();

    /// <summary>Fills in and submits the log-in form on the current page (which must be the log-in page).</summary>
    public static async Task SubmitLoginAsync(this IPage page, string userName, string password)
    {
        await page.Locator("#Input_UserName").FillAsync(userName);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAndWaitForNewPageAsync();
    }

    /// <summary>
    /// Clicks something that submits a form or follows a link and waits until the browser shows the next document
    /// (the old one is marked first, so an answer that looks like the page before cannot be mistaken for it).
    /// </summary>
    public static async Task ClickAndWaitForNewPageAsync(this ILocator target)
    {
        var page = target.Page;
        await page.EvaluateAsync("() => document.documentElement.dataset.stale = 'true'");
        await target.ClickAsync();
        await page.Locator("html:not([data-stale])").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>Opens the log-in page, signs in and waits for the start page.</summary>
    public static async Task SignInAsync(this IPage page, string userName, string password = DemoUsers.Password)
    {
        await page.GotoAsync(LoginPath);
        await page.SubmitLoginAsync(userName, password);
        await page.WaitForURLAsync(StartPageUrl());
    }

    public static ILocator Heading(this IPage page) => page.Locator("main h1");

    /// <summary>The link to the demo tender on a start page.</summary>
    public static ILocator DemoTenderLink(this IPage page) => page.GetByRole(AriaRole.Link, new() { Name = DemoUsers.TenderTitle, Exact = true });

    /// <summary>The demo tender's row in a start page's table (other tests may add tenders to the shared portal).</summary>
    public static ILocator DemoTenderRow(this IPage page) => page.Locator("main table tbody tr", new() { HasText = DemoUsers.TenderTitle });

    /// <summary>From the start page, opens the demo tender's page and returns its id.</summary>
    public static async Task<Guid> OpenDemoTenderAsync(this IPage page)
    {
        await page.DemoTenderLink().ClickAsync();
        await page.WaitForURLAsync(new Regex("/tenders/[0-9a-f-]{36}$"));
        return Guid.Parse(page.Url[^36..]);
    }

    /// <summary>Waits until Mermaid has drawn the procedure diagram (an SVG inside pre.mermaid).</summary>
    public static Task WaitForDiagramAsync(this IPage page) =>
        page.Locator("pre.mermaid svg").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>The phase the tender page shows (the "Fase"/"Phase" fact).</summary>
    public static ILocator PhaseFact(this IPage page) => page.Locator("dl.facts dd strong").First;
}
