namespace TenderFlow.Domain.Tests.Support;

/// <summary>Finds the repository's workflows/ folder by walking up from the test binaries.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> Workflows = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows");
            if (File.Exists(Path.Combine(candidate, "sas-dialogue.json")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"No folder containing workflows/sas-dialogue.json above {AppContext.BaseDirectory}.");
    });

    public static string WorkflowsDirectory => Workflows.Value;
}
