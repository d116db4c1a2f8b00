using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Documents;

public sealed class DocumentIntakeTests : IDisposable
{
    private readonly TenderFlowFactory _app = new() { Settings = { ["Documents:MaxUploadMegabytes"] = "1" } };

    [Theory]
    [InlineData("visie.pdf", "application/pdf")]
    [InlineData("referenties.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("begroting.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("plan.odt", "application/vnd.oasis.opendocument.text")]
    public async Task Accepted_types_are_recognised_by_content(string name, string contentType)
    {
        var bytes = Path.GetExtension(name) switch
        {
            ".pdf" => TestFiles.Pdf(), ".docx" => TestFiles.Docx(), ".xlsx" => TestFiles.Xlsx(), _ => TestFiles.Odt(),
        };
        var (staged, violation) = await StageAsync(bytes, name);
        Assert.Null(violation);
        using (staged)
        {
            Assert.Equal(contentType, staged!.Format.ContentType);
            Assert.Equal(bytes.Length, staged.File.Size);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), staged.File.Sha256);
        }
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "UnsafeFileNameRule")]
    [InlineData("..\\..\\boot.ini.pdf", "UnsafeFileNameRule")]
    [InlineData("/etc/visie.pdf", "UnsafeFileNameRule")]
    [InlineData("C:\\temp\\visie.pdf", "UnsafeFileNameRule")]
    public async Task Traversal_names_are_refused_and_nothing_is_staged(string name, string rule)
    {
        var (staged, violation) = await StageAsync(TestFiles.Pdf(), name);
        Assert.Null(staged);
        Assert.Equal(rule, violation!.Rule);
        Assert.Empty(StagedFiles());
    }

    [Fact]
    public async Task Mistyped_files_are_refused_by_content_not_by_extension()
    {
        Assert.Equal("UnsupportedFileTypeRule", (await StageAsync(TestFiles.Executable(), "visie.pdf")).Violation!.Rule);
        Assert.Equal("UnsupportedFileTypeRule", (await StageAsync(TestFiles.PlainZip(), "visie.docx")).Violation!.Rule);
        Assert.Equal("FileExtensionMismatchRule", (await StageAsync(TestFiles.Docx(), "visie.pdf")).Violation!.Rule);
        Assert.Equal("EmptyFileRule", (await StageAsync([], "visie.pdf")).Violation!.Rule);
        Assert.Empty(StagedFiles());
    }

    [Fact]
    public async Task Oversize_files_are_refused_at_the_limit_plus_one_byte()
    {
        var limit = 1024 * 1024;
        var atLimit = TestFiles.Pdf().Concat(new byte[limit - TestFiles.Pdf().Length]).ToArray();
        var (staged, violation) = await StageAsync(atLimit, "groot.pdf");
        Assert.Null(violation);
        staged!.Dispose();

        var (refused, tooLarge) = await StageAsync([.. atLimit, 0], "te-groot.pdf");
        Assert.Null(refused);
        Assert.Equal("FileTooLargeRule", tooLarge!.Rule);
        Assert.Empty(StagedFiles());
    }

    [Fact]
    public async Task A_new_version_supersedes_the_previous_one_which_is_kept()
    {
        var tender = await _app.Procurement().CreateTenderAsync();
        var tenderId = Guid.Parse(tender.Id());
        var target = new DocumentTarget(tenderId, "tender/" + tenderId, "test.guide", null);
        var first = await RecordAsync(TestFiles.Pdf("eerste versie"), "nota.pdf", target);
        var second = await RecordAsync(TestFiles.Pdf("tweede versie"), "nota.pdf", target);

        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var versions = await db.Documents.Where(d => d.Owner == target.Owner).OrderBy(d => d.Version).ToListAsync();
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(second.Id, versions[0].SupersededById);
        Assert.NotNull(versions[0].SupersededAtUtc);
        Assert.Null(versions[1].SupersededAtUtc);
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        Assert.True(File.Exists(store.PathFor(first.Sha256)));
        Assert.True(File.Exists(store.PathFor(second.Sha256)));
        Assert.Contains(await db.AuditEvents.Select(e => e.Action).ToListAsync(), a => a == "document.uploaded");
    }

    [Fact]
    public async Task An_upload_broken_off_halfway_leaves_no_staging_file_behind()
    {
        using var scope = _app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<ContentStore>();
        var intake = scope.ServiceProvider.GetRequiredService<DocumentIntake>();

        await Assert.ThrowsAsync<IOException>(() => intake.StageAsync(new BrokenOffStream(TestFiles.Pdf()), "visie.pdf", default));

        var incoming = Path.Combine(store.Root, ".incoming");
        Assert.Empty(Directory.Exists(incoming) ? Directory.GetFiles(incoming) : []);
    }

    /// <summary>A client that disconnects: some bytes arrive, then the read fails.</summary>
    private sealed class BrokenOffStream(byte[] first) : MemoryStream(first)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new IOException("The client disconnected.");
        }
    }

    private async Task<Domain.Documents.DocumentRecord> RecordAsync(byte[] bytes, string name, DocumentTarget target)
    {
        using var scope = _app.Services.CreateScope();
        var intake = scope.ServiceProvider.GetRequiredService<DocumentIntake>();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var trail = scope.ServiceProvider.GetRequiredService<Features.Audit.AuditTrail>();
        var (staged, violation) = await intake.StageAsync(new MemoryStream(bytes), name, default);
        Assert.Null(violation);
        using var _ = staged;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var (record, audit) = await intake.RecordAsync(db, staged!, target, "user:test", default);
        await trail.AppendAsync(db, "user:test", "Procurement", target.TenderId, [audit], default);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return record;
    }

    private async Task<(StagedDocument? Staged, Domain.Workflow.Runtime.RuleViolation? Violation)> StageAsync(byte[] bytes, string name)
    {
        _ = _app.Services;
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DocumentIntake>().StageAsync(new MemoryStream(bytes), name, default);
    }

    private string[] StagedFiles()
    {
        var incoming = Path.Combine(_app.Data, "documents", ".incoming");
        return Directory.Exists(incoming) ? Directory.GetFiles(incoming) : [];
    }

    public void Dispose() => _app.Dispose();
}
