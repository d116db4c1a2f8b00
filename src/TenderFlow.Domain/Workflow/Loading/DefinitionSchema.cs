using System.Text;
using System.Text.Json;
using Json.Schema;

namespace TenderFlow.Domain.Workflow.Loading;

/// <summary>Checks a definition's shape against workflows/schema/workflow-definition.schema.json (embedded).</summary>
internal static class DefinitionSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(DefinitionSchema).Assembly.GetManifestResourceStream("workflow-definition.schema.json")
            ?? throw new InvalidOperationException("The definition schema is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return JsonSchema.FromText(reader.ReadToEnd());
    });

    public static IReadOnlyList<(string Path, string Reason)> Check(JsonElement document)
    {
        var results = Schema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        var problems = new List<(string, string)>();
        Collect(results, problems);
        return problems.Distinct().ToList();
    }

    // Only failures on a path that failed as a whole are problems: a failed anyOf branch under a passing anyOf,
    // or a failed "if" condition, says nothing about the file.
    private static void Collect(EvaluationResults node, List<(string, string)> problems)
    {
        if (node.IsValid || node.EvaluationPath.ToString().EndsWith("/if", StringComparison.Ordinal))
        {
            return;
        }
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            if (keyword is "anyOf" or "allOf" or "$ref")
            {
                continue;
            }
            var path = ToJsonPath(node.InstanceLocation.ToString());
            problems.Add(message.Contains("false schema", StringComparison.Ordinal)
                ? (path, "this property is not allowed here (schema: additionalProperties)")
                : (path, $"{message} (schema: {keyword})"));
        }
        foreach (var child in node.Details ?? [])
        {
            Collect(child, problems);
        }
    }

    internal static string ToJsonPath(string pointer)
    {
        var builder = new StringBuilder("$");
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            builder.Append(int.TryParse(segment, out var index) ? $"[{index}]" : "." + segment);
        }
        return builder.ToString();
    }
}
