namespace TenderFlow.Web.Hosting;

/// <summary>The definitions folder: <c>Workflows:Directory</c>, default the copy of workflows/ shipped next to the binary.</summary>
public static class WorkflowsDirectory
{
    public static string Resolve(IConfiguration configuration) =>
        Path.GetFullPath(configuration["Workflows:Directory"] ?? Path.Combine(AppContext.BaseDirectory, "workflows"));
}
