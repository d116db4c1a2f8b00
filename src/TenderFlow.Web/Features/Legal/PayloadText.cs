using System.Text.Json;

namespace TenderFlow.Web.Features.Legal;

/// <summary>An audit payload as people read it: its values decoded (no JSON escapes), each with the path it sits at.</summary>
public static class PayloadText
{
    public sealed record Field(string Path, string Value);

    public static IReadOnlyList<Field> Fields(string payloadJson)
    {
        var fields = new List<Field>();
        try
        {
            using var document = JsonDocument.Parse(payloadJson);
            Walk(document.RootElement, "", fields);
        }
        catch (JsonException)
        {
            fields.Add(new Field("", payloadJson));
        }
        return fields;
    }

    /// <summary>The decoded string values (and numbers, booleans) of the payload, one per line: what the search looks in.</summary>
    public static string Decoded(string payloadJson) => string.Join('\n', Fields(payloadJson).Select(f => f.Path + " " + f.Value));

    /// <summary>"path: value; …" on one line.</summary>
    public static string Readable(string payloadJson) =>
        string.Join("; ", Fields(payloadJson).Select(f => f.Path.Length == 0 ? f.Value : $"{f.Path}: {f.Value}"));

    private static void Walk(JsonElement element, string path, List<Field> fields)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", fields);
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{i++}]", fields);
                }
                break;
            case JsonValueKind.String:
                fields.Add(new Field(path, element.GetString() ?? ""));
                break;
            case JsonValueKind.Null:
                fields.Add(new Field(path, "—"));
                break;
            default:
                fields.Add(new Field(path, element.GetRawText()));
                break;
        }
    }
}
