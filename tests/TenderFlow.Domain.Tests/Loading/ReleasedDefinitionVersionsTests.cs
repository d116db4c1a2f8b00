using TenderFlow.Domain.Tests.Support;

namespace TenderFlow.Domain.Tests.Loading;

/// <summary>
/// Tenders are pinned to the exact content of the version they started on, and the app refuses to start when a file
/// changed under a version that a stored tender runs on (<c>DefinitionCatalog.CheckAgainstSnapshotsAsync</c>). So a
/// released version never changes: this is the content (SHA-256 of the file) of every released version, and a changed
/// definition gets a new version and a new line here.
/// </summary>
public class ReleasedDefinitionVersionsTests
{
    private static readonly Dictionary<(string Id, int Version), string> Released = new()
    {
        [("open-house", 2)] = "12250013b3334a70cf18f172af76b220a886edf64c05571d6b4ed9c88f6b6b8b",
        [("sas-dialogue", 3)] = "365e4a5d670fe84f7dfc84120dd300fbfa72462fb36319c98aa08fb0d8fd77fa",
        // The order of deadlines ('after'). It was first added under v3, and a data directory with a v3 tender then no
        // longer started.
        [("sas-dialogue", 4)] = "81595666a906510ea0d65e4c681c78dfff8b917d1e36dd2cb12f32b8f6c7b434",
        // Applications close after the Q&A (nota van inlichtingen) is published.
        [("sas-dialogue", 5)] = "46215f7a1e6569643c180711339aec1268d8d1dfc992044e40ba2d6f50871864",
        // Tender documents can no longer be replaced once applications have closed (selection no longer opens publication.documents).
        [("sas-dialogue", 6)] = "0e4b444aac0a837d8bf46ebd07372eb7339e6236f68db53f484bca51863acdf6",
        // Applications close only once every question is answered in a published nota van inlichtingen.
        [("sas-dialogue", 7)] = "d3f725b4b2de18cdaed42f0f8a8c90e1e3f6177d5a59061aba88e0ec2eda02b5",
        // Publication and submission open only while the deadline that closes them is still ahead (guard deadline.ahead);
        // announceAward asks for its reasons (the award letter's), so the tender page's button shows a reason field.
        [("sas-dialogue", 8)] = "ecbf4837f40250d437656a95b78e3ae6e59152d90cc6e81536a988133f58286f",
    };

    [Fact]
    public void Every_definition_on_disk_is_a_released_version_with_the_content_it_was_released_with()
    {
        var problems = RealDefinitions.Result.DefinitionsOrThrow()
            .Where(d => Released.GetValueOrDefault((d.Id, d.Version)) != d.ContentHash)
            .Select(d => Released.ContainsKey((d.Id, d.Version))
                ? $"{d.Id} v{d.Version} changed after its release (now {d.ContentHash}): raise its version and add that version here"
                : $"{d.Id} v{d.Version} is not listed: add it with {d.ContentHash}")
            .ToList();

        Assert.Empty(problems);
    }
}
