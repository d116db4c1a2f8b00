using System.Buffers;
using System.Text;
using TenderFlow.Domain.Audit;

namespace TenderFlow.Domain.Tests.AuditExport;

/// <summary>The worked example in README.md ("Audit trail: canonical form, hash chain and export package") is recomputed here, so it cannot go stale.</summary>
public class ReadmeExampleTests
{
    public static readonly AuditEvent Example = new()
    {
        Sequence = 42,
        OccurredAtUtc = new DateTime(2027, 3, 1, 9, 30, 0, DateTimeKind.Utc).AddTicks(1234567),
        ActorId = "8d4f0c2a-5b6e-4f71-9a3d-2e1c0b9a8f7e",
        ActorRole = "Procurement",
        TenderId = Guid.Parse("6a1f0c4e-2b7d-4e11-9c3a-5d8e7f901234"),
        Action = "tender.trigger.fired",
        Subject = "tender/6a1f0c4e-2b7d-4e11-9c3a-5d8e7f901234",
        PayloadJson = """{"trigger":"publish","from":"consultation","to":"publication","reason":"Aankondiging geplaatst – TenderNed"}""",
        PreviousHash = "3b5e9f0a7c1d2e4f6a8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f60718293a4b5",
        Hash = "",
    };

    /// <summary>The canonical bytes as the README shows them: each line followed by a literal \n.</summary>
    public static string Escaped()
    {
        var buffer = new ArrayBufferWriter<byte>();
        AuditCanonicalForm.Write(buffer, Example.Sequence, Example.OccurredAtUtc, Example.ActorId, Example.ActorRole, Example.TenderId,
            Example.Action, Example.Subject, Example.PayloadJson, Example.PreviousHash);
        return Encoding.UTF8.GetString(buffer.WrittenSpan).Replace("\n", "\\n\n");
    }

    [Fact]
    public void The_readme_shows_the_canonical_bytes_and_hash_of_its_example_event()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        var section = readme[readme.IndexOf("## Audit trail: canonical form, hash chain and export package", StringComparison.Ordinal)..];
        var hash = AuditCanonicalForm.ComputeHash(Example);

        Assert.Contains(Escaped(), section);
        Assert.Contains($"hash = {hash}", section);
        Assert.Contains(Example.PayloadJson, section);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("No repository root above " + AppContext.BaseDirectory);
    }
}
