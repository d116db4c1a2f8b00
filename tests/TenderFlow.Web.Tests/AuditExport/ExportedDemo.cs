using System.Formats.Tar;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TenderFlow.Web.Cli;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.AuditExport;

/// <summary>
/// The demo procedure run once for the class, with a second tender created along the way (its events land inside the
/// exported range) and exports taken by the lawyer: with documents in the selection phase (the vault still sealed)
/// and at the end, and without documents at the end.
/// </summary>
public sealed class ExportedDemo : IAsyncLifetime
{
    public const string OtherReference = "ANDER-2027-GEHEIM";

    public DemoProcedure Procedure { get; } = new();
    public byte[] AtSelection { get; private set; } = [];
    public byte[] Final { get; private set; } = [];
    public byte[] FinalWithoutDocuments { get; private set; } = [];
    public HttpResponseMessage FinalResponse { get; private set; } = null!;
    public string OtherTenderId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Procedure.RunAsync(async phase =>
        {
            if (phase == "publication")
            {
                var other = await Procedure.Client("inkoper").CreateTenderAsync(reference: OtherReference);
                OtherTenderId = other["id"]!.GetValue<string>();
            }
            if (phase == "selection")
            {
                AtSelection = await ExportAsync(documents: true);
            }
        });
        FinalResponse = await Procedure.Client("jurist").GetAsync($"{Procedure.Api}/audit/export?documents=true");
        Assert.Equal(HttpStatusCode.OK, FinalResponse.StatusCode);
        Final = await FinalResponse.Content.ReadAsByteArrayAsync();
        FinalWithoutDocuments = await ExportAsync(documents: false);
    }

    public async Task<byte[]> ExportAsync(bool documents, string user = "jurist")
    {
        var response = await Procedure.Client(user).GetAsync($"{Procedure.Api}/audit/export?documents={(documents ? "true" : "false")}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsByteArrayAsync();
    }

    public Task DisposeAsync()
    {
        Procedure.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Runs <c>audit verify --export FILE</c> in-process against a data directory that does not exist.</summary>
    public static async Task<(int Exit, string Output)> VerifyAsync(byte[] package, params string[] extra)
    {
        using var dir = new TempDirectory();
        var file = dir.FilePath("export.tar");
        await File.WriteAllBytesAsync(file, package);
        var noData = Path.Combine(dir.Path, "no-such-data");
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliCommands.RunAsync(["audit", "verify", "--export", file, "--data", noData, .. extra], output, error);
        Assert.False(Directory.Exists(noData), "the offline check touched the data directory");
        return (exit, output.ToString() + error);
    }

    public static Dictionary<string, byte[]> Entries(byte[] package)
    {
        var entries = new Dictionary<string, byte[]>();
        using var reader = new TarReader(new MemoryStream(package));
        while (reader.GetNextEntry() is { } entry)
        {
            using var copy = new MemoryStream();
            entry.DataStream?.CopyTo(copy);
            entries[entry.Name] = copy.ToArray();
        }
        return entries;
    }

    public static List<JsonObject> Lines(byte[] jsonl) =>
        Encoding.UTF8.GetString(jsonl).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    /// <summary>The package with one entry's bytes replaced, everything else (manifest, signature) as it was.</summary>
    public static byte[] Replace(byte[] package, string name, Func<byte[], byte[]> change)
    {
        using var output = new MemoryStream();
        using (var reader = new TarReader(new MemoryStream(package)))
        using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            while (reader.GetNextEntry(copyData: true) is { } entry)
            {
                if (entry.Name == name)
                {
                    using var copy = new MemoryStream();
                    entry.DataStream!.CopyTo(copy);
                    entry.DataStream = new MemoryStream(change(copy.ToArray()));
                }
                writer.WriteEntry(entry);
            }
        }
        return output.ToArray();
    }

    public static int IndexOf(byte[] haystack, string text, int from = 0) =>
        haystack.AsSpan(from).IndexOf(Encoding.UTF8.GetBytes(text)) is var i and >= 0 ? i + from : -1;
}
