using System.Text.RegularExpressions;
using System.Xml.Linq;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Portal;

public sealed class ResourceCompletenessTests
{
    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "TenderFlow.Web", "Resources", file))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Every_text_a_page_asks_for_exists_in_Dutch_and_English()
    {
        var dutch = Keys("SharedResource.resx");
        var english = Keys("SharedResource.en.resx");
        Assert.Equal(dutch.Order(), english.Order());

        var used = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src", "TenderFlow.Web", "Features"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "T\\[\"([^\"]+)\"").Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Where(u => !u.Key.EndsWith(' '))
            .ToList();
        var missing = used.Where(u => !dutch.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Texts without a translation: " + string.Join("; ", missing));
    }
}
