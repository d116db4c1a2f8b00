namespace TenderFlow.Benchmarks;

/// <summary>The repository the benchmark runs from: the procedure definitions are read from its workflows/ folder.</summary>
public static class RepositoryPaths
{
    public static string Workflows { get; } = FindWorkflows();

    private static string FindWorkflows()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "workflows");
                if (File.Exists(Path.Combine(candidate, "open-house.json")))
                {
                    return candidate;
                }
            }
        }
        throw new InvalidOperationException("Cannot find the repository's workflows/ folder (with open-house.json).");
    }
}
