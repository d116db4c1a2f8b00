using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Workflow.Loading;

public sealed record DefinitionLoadResult(IReadOnlyList<WorkflowDefinition> Definitions, IReadOnlyList<DefinitionProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;

    public IReadOnlyList<WorkflowDefinition> DefinitionsOrThrow() => IsValid ? Definitions : throw new InvalidDefinitionException(Problems);
}

/// <summary>Reads definition files: JSON Schema first, then the semantic checks; collects every problem, never stops at the first.</summary>
public sealed class DefinitionLoader(BehaviourRegistry registry)
{
    private readonly SemanticValidator _semantic = new(registry);

    /// <summary>Every *.json directly in <paramref name="directory"/> (the schema lives in a subfolder and is not a definition).</summary>
    public DefinitionLoadResult LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return new([], [new DefinitionProblem(directory, "$", "the workflows directory does not exist")]);
        }
        var definitions = new List<WorkflowDefinition>();
        var problems = new List<DefinitionProblem>();
        var owners = new Dictionary<(string, int), string>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var (definition, fileProblems) = LoadText(name, File.ReadAllText(file, Encoding.UTF8));
            problems.AddRange(fileProblems);
            if (definition is null)
            {
                continue;
            }
            if (owners.TryGetValue((definition.Id, definition.Version), out var first))
            {
                problems.Add(new DefinitionProblem(name, "$.id", $"duplicate definition: '{definition.Id}' version {definition.Version} is also declared in {first}"));
                continue;
            }
            owners[(definition.Id, definition.Version)] = name;
            definitions.Add(definition);
        }
        if (definitions.Count == 0 && problems.Count == 0)
        {
            problems.Add(new DefinitionProblem(directory, "$", "no definition files (*.json) found"));
        }
        return new(definitions, problems);
    }

    public (WorkflowDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems) LoadText(string fileName, string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return (null, [new DefinitionProblem(fileName, e.Path ?? "$", $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}")]);
        }
        using (document)
        {
            var schemaProblems = DefinitionSchema.Check(document.RootElement)
                .Select(p => new DefinitionProblem(fileName, p.Path, p.Reason)).ToList();
            if (schemaProblems.Count > 0)
            {
                return (null, schemaProblems);
            }
            var parsed = document.Deserialize(DefinitionJsonContext.Default.DefinitionDocument)
                ?? throw new InvalidOperationException("A schema-valid definition deserialised to null.");
            var semanticProblems = _semantic.Check(parsed).Select(p => new DefinitionProblem(fileName, p.Path, p.Reason)).ToList();
            if (semanticProblems.Count > 0)
            {
                return (null, semanticProblems);
            }
            return (DefinitionMapper.Map(parsed, json, HashOf(json)), []);
        }
    }

    public static string HashOf(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends its own zero-based position; ours (one-based) is already in the reason.
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }
        return message.TrimEnd();
    }
}
