using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>
/// The cookies of one real sign-in (through the log-in form, in a context of its own) per user. Tests about a page
/// rather than about signing in copy them into their own fresh context, which saves a log-in per test.
/// </summary>
public sealed class SignInCache(Uri baseUrl)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<Cookie>>>> _cookies = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<Cookie>> CookiesAsync(IBrowser browser, string userName, string password = DemoUsers.Password) =>
        _cookies.GetOrAdd(userName, _ => new Lazy<Task<IReadOnlyList<Cookie>>>(() => SignInAsync(browser, userName, password))).Value;

    private async Task<IReadOnlyList<Cookie>> SignInAsync(IBrowser browser, string userName, string password)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = baseUrl.ToString() });
        try
        {
            var page = await context.NewPageAsync();
            await page.SignInAsync(userName, password);
            return (await context.CookiesAsync()).Select(c => new Cookie
            {
                Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires,
                HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
            }).ToList();
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
