using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Applications;

/// <summary>Bad files through the application upload endpoint: a clear rule, and nothing stored (no record, no file).</summary>
public sealed class ApplicationUploadTests() : ApplicationTestBase(new TenderFlowFactory { Settings = { ["Documents:MaxUploadMegabytes"] = "1" } })
{
    private string[] StoredFiles() => Directory.Exists(Path.Combine(App.Data, "documents"))
        ? Directory.GetFiles(Path.Combine(App.Data, "documents"), "*", SearchOption.AllDirectories)
        : [];

    public static TheoryData<string, string, string, int> BadFiles => new()
    {
        { "oversize", "visie.pdf", "FileTooLargeRule", 400 },
        { "exe", "visie.pdf", "UnsupportedFileTypeRule", 400 },
        { "zip", "visie.docx", "UnsupportedFileTypeRule", 400 },
        { "docx", "visie.pdf", "FileExtensionMismatchRule", 400 },
        { "pdf", "../../etc/visie.pdf", "UnsafeFileNameRule", 400 },
        { "pdf", "..\\..\\visie.pdf", "UnsafeFileNameRule", 400 },
        { "empty", "visie.pdf", "EmptyFileRule", 400 },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_files_are_refused_and_nothing_is_stored(string content, string fileName, string rule, int status)
    {
        var lead = S.Zorgplus1();
        var application = await S.CreateAsync(lead);
        var bytes = content switch
        {
            "oversize" => [.. TestFiles.Pdf(), .. new byte[1024 * 1024]],
            "exe" => TestFiles.Executable(),
            "zip" => TestFiles.PlainZip(),
            "docx" => TestFiles.Docx(),
            "empty" => [],
            _ => TestFiles.Pdf(),
        };
        var response = await S.UploadAsync(lead, application, bytes, fileName, "vision");
        var problem = await response.ProblemAsync(status);
        Assert.Equal(rule, problem["rule"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]!.GetValue<string>()));
        Assert.Equal(0, S.Db(db => db.Documents.Count()));
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task A_portal_upload_without_the_antiforgery_header_is_refused()
    {
        var lead = S.Zorgplus1();
        var application = await S.CreateAsync(lead);
        using var cookieClient = App.CreateClient();
        // A bearer caller needs no antiforgery token; a request with neither is not signed in at all.
        var response = await cookieClient.PostAsync($"{S.Applications}/{application}/documents", TestFiles.Form(TestFiles.Pdf(), "visie.pdf", new Dictionary<string, string> { ["kind"] = "vision" }));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, S.Db(db => db.Documents.Count()));
    }

    [Fact]
    public async Task A_wrong_kind_or_missing_issue_date_stores_nothing()
    {
        var lead = S.Zorgplus1();
        var application = await S.CreateAsync(lead);
        Assert.Equal("UnknownApplicationDocumentRule", (await (await S.UploadAsync(lead, application, TestFiles.Pdf(), "x.pdf", "contract")).ProblemAsync(400))["rule"]!.GetValue<string>());
        Assert.Equal("InvalidApplicationInputRule", (await (await S.UploadAsync(lead, application, TestFiles.Pdf(), "gva.pdf", "gva")).ProblemAsync(400))["rule"]!.GetValue<string>());
        Assert.Equal("InvalidApplicationInputRule", (await (await S.UploadAsync(lead, application, TestFiles.Pdf(), "gva.pdf", "gva", issuedOn: "2031-01-01")).ProblemAsync(400))["rule"]!.GetValue<string>());
        Assert.Equal(0, S.Db(db => db.Documents.Count()));
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Every_upload_returns_a_receipt_with_server_time_size_and_hash()
    {
        var lead = S.Zorgplus1();
        var application = await S.CreateAsync(lead);
        var bytes = TestFiles.Pdf("Visie Zorgplus 2027");
        var received = TenderFlowFactory.Start.AddMinutes(23).AddSeconds(17);
        App.Clock.SetUtcNow(received);
        var response = await SelectionScenario.Ok(S.UploadAsync(lead, application, bytes, "Visie Zorgplus.pdf", "vision"));
        var receipt = (await response.Content.ReadFromJsonAsync<JsonObject>())!["receipt"]!;
        Assert.Equal(bytes.Length, receipt["sizeBytes"]!.GetValue<long>());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), receipt["sha256"]!.GetValue<string>());
        Assert.Equal(received.UtcDateTime, receipt["receivedAtUtc"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal("selection.vision", receipt["kind"]!.GetValue<string>());
    }
}
