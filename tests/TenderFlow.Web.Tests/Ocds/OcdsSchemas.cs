using System.Text.Json.Nodes;
using NJsonSchema;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Ocds;

/// <summary>
/// The official OCDS 1.1.5 schemas and codelists from the shared standards folder beside the repository. The package
/// schemas point at the release schema by its official URL; the dereferenced release schema (same content, no $refs) is
/// put in its place, so validation needs no network.
/// </summary>
public static class OcdsSchemas
{
    private const string ReleaseSchemaUrl = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json";

    public static string Folder { get; } = FindFolder();

    private static readonly Lazy<JsonSchema> ReleasePackageSchema = new(() => Load("release-package-schema.json", package =>
        package["properties"]!["releases"]!["items"] = Release()));

    private static readonly Lazy<JsonSchema> RecordPackageSchema = new(() => Load("record-package-schema.json", package =>
    {
        var record = package["definitions"]!["record"]!["properties"]!.AsObject();
        var embedded = record["releases"]!["oneOf"]!.AsArray().Single(o => o!["items"]?["$ref"]?.GetValue<string>() == ReleaseSchemaUrl)!;
        embedded["items"] = Release();
        var compiled = record["compiledRelease"]!.AsObject();
        compiled.Remove("$ref");
        foreach (var (key, value) in Release())
        {
            compiled[key] = value!.DeepClone();
        }
        // Not in the shared folder; the export never has a versioned release, which the test asserts instead.
        record.Remove("versionedRelease");
    }));

    public static ICollection<NJsonSchema.Validation.ValidationError> ValidateReleasePackage(string json) => ReleasePackageSchema.Value.Validate(json);

    public static ICollection<NJsonSchema.Validation.ValidationError> ValidateRecordPackage(string json) => RecordPackageSchema.Value.Validate(json);

    /// <summary>The codes of one codelist CSV (column <c>Code</c>).</summary>
    public static IReadOnlySet<string> Codelist(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "codelists", name + ".csv"));
        var header = lines[0].Split(',');
        var column = Array.IndexOf(header, "Code");
        Assert.True(column >= 0, $"{name}.csv has no Code column");
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[column].Trim('"')).ToHashSet(StringComparer.Ordinal);
    }

    private static JsonObject Release()
    {
        var release = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "dereferenced-release-schema.json")))!.AsObject();
        release.Remove("id");
        release.Remove("$schema");
        return release;
    }

    private static JsonSchema Load(string file, Action<JsonObject> inline)
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))!.AsObject();
        inline(schema);
        var text = schema.ToJsonString();
        Assert.DoesNotContain("\"$ref\":\"" + ReleaseSchemaUrl, text, StringComparison.Ordinal);
        return JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult();
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(RepositoryPaths.Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "standards", "ocds-1.1.5");
            if (File.Exists(Path.Combine(candidate, "release-package-schema.json")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"Cannot find shared/standards/ocds-1.1.5 beside the repository ({RepositoryPaths.Root}).");
    }
}
