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

    public static IEnumerable<(string Path, string Reason)> Check(JsonElement document)
    {
        var results = Schema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            yield break;
        }
        var seen = new HashSet<(string, string)>();
        foreach (var detail in results.Details ?? [])
        {
            if (detail.Errors is null)
            {
                continue;
            }
            foreach (var (keyword, message) in detail.Errors)
            {
                // "anyOf"/"allOf" wrappers repeat what their branches already said.
                if (keyword is "anyOf" or "allOf" or "$ref")
                {
                    continue;
                }
                var path = ToJsonPath(detail.InstanceLocation.ToString());
                if (seen.Add((path, message)))
                {
                    yield return (path, $"{message} (schema: {keyword})");
                }
            }
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
