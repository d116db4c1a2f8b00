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

    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe(Wcag21AA);
        var violations = result.Violations ?? [];
        Assert.True(violations.Length == 0, Describe(page.Url, violations));
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
