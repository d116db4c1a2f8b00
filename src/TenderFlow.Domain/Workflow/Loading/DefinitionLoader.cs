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
        var owners = new Dictionary<(string Id, int Version), string>();
        string[] files;
        try
        {
            files = Directory.GetFiles(directory, "*.json");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new([], [new DefinitionProblem(directory, "$", $"the workflows directory cannot be read: {e.Message}")]);
        }
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            string json;
            try
            {
                json = File.ReadAllText(file, Encoding.UTF8);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new DefinitionProblem(name, "$", $"the file cannot be read: {e.Message}"));
                continue;
            }
            var loaded = Load(name, json);
            problems.AddRange(loaded.Problems);
            if (loaded.Identity is not { } identity)
            {
                continue;
            }
            if (owners.TryGetValue(identity, out var first))
            {
                problems.Add(new DefinitionProblem(name, "$.id", $"duplicate definition: '{identity.Id}' version {identity.Version} is also declared in {first}"));
                continue;
            }
            owners[identity] = name;
            if (loaded.Definition is { } definition)
            {
                definitions.Add(definition);
            }
        }
        if (definitions.Count == 0 && problems.Count == 0)
        {
            problems.Add(new DefinitionProblem(directory, "$", "no definition files (*.json) found"));
        }
        return new(definitions, problems);
    }

    public (WorkflowDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems) LoadText(string fileName, string json)
    {
        var loaded = Load(fileName, json);
        return (loaded.Definition, loaded.Problems);
    }

    /// <summary>The schema's problems and, when the file still has the names they read, the semantic checks' problems too.</summary>
    private FileLoad Load(string fileName, string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            return new(null, [new DefinitionProblem(fileName, e.Path ?? "$", $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}")], null);
        }
        using (document)
        {
            var problems = DefinitionSchema.Check(document.RootElement)
                .Select(p => new DefinitionProblem(fileName, p.Path, p.Reason)).ToList();
            var (parsed, unreadable) = Deserialize(document);
            if (unreadable is not null && problems.Count == 0)
            {
                // The schema's types are JSON's (1.0 is an integer there); the reader's are .NET's.
                problems.Add(new DefinitionProblem(fileName, unreadable.Path ?? "$", $"could not be converted: {FirstSentence(unreadable.InnerException?.Message ?? unreadable.Message)}"));
            }
            if (parsed is not null && (problems.Count == 0 || SemanticPreconditions.Hold(parsed)))
            {
                problems.AddRange(_semantic.Check(parsed).Select(p => new DefinitionProblem(fileName, p.Path, p.Reason)));
            }
            var identity = parsed is { Id: not null, Version: > 0 } ? (parsed.Id, parsed.Version) : ((string, int)?)null;
            return problems.Count > 0
                ? new(null, problems, identity)
                : new(DefinitionMapper.Map(parsed!, json, HashOf(json)), [], identity);
        }
    }

    /// <summary>The document as the checks read it, or why it cannot be read (a file the schema refused may not even have the right types).</summary>
    private static (DefinitionDocument? Parsed, JsonException? Unreadable) Deserialize(JsonDocument document)
    {
        try
        {
            return (document.Deserialize(DefinitionJsonContext.Default.DefinitionDocument), null);
        }
        catch (JsonException e)
        {
            return (null, e);
        }
        catch (InvalidOperationException e)
        {
            return (null, new JsonException(e.Message, e));
        }
    }

    private sealed record FileLoad(WorkflowDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems, (string Id, int Version)? Identity);

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
