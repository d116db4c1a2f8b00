using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TenderFlow.Web.Tests.Browser;

/// <summary>axe-core on the current page with the WCAG 2.1 A and AA rules; a failure lists what to fix and where.</summary>
public static class AxeChecks
{
    public static AxeRunOptions Wcag21AA => new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>Runs axe on the page as it is now and returns a description of its violations, or null when there are none.</summary>
    public static async Task<string?> ViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe(Wcag21AA);
        var violations = result.Violations ?? [];
        return violations.Length == 0 ? null : Describe(page.Url, violations);
    }

    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var violations = await page.ViolationsAsync();
        Assert.True(violations is null, violations);
    }

    public static string Describe(string url, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder($"axe (WCAG 2.1 AA) found violations on {url}:");
        foreach (var v in violations)
        {
            text.Append($"\n- {v.Id} ({v.Impact}): {v.Help} {v.HelpUrl}");
            foreach (var node in v.Nodes)
            {
                text.Append($"\n    at {node.Target}: {Checks(node)}\n       {node.Html}");
            }
        }
        return text.ToString();
    }

    private static string Checks(AxeResultNode node) =>
        string.Join("; ", new[] { node.Any, node.All, node.None }.Where(c => c is not null).SelectMany(c => c!).Select(c => c.Message));
}

/// <summary>Checks several pages in one test and fails once at the end, naming every page with violations.</summary>
public sealed class AxeReport(IPage page)
{
    private readonly List<string> _problems = [];
    private readonly List<string> _checked = [];

    public async Task CheckAsync(string what)
    {
        _checked.Add(what);
        if (await page.ViolationsAsync() is { } problem)
        {
            _problems.Add($"[{what}] {problem}");
        }
    }

    public void AssertClean() =>
        Assert.True(_problems.Count == 0, $"{_problems.Count} of {_checked.Count} pages have violations:\n" + string.Join("\n\n", _problems));
}
