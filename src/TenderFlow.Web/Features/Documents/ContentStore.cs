using System.Security.Cryptography;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Documents;

/// <summary>
/// Files named by their SHA-256 under <c>{data}/documents/ab/cd/abcd…</c>. Bytes arrive through a staging file that is
/// hashed while it is written, so nothing is ever held whole in memory and the same bytes are stored once.
/// </summary>
public sealed class ContentStore(DataDirectory data)
{
    private const int BufferSize = 81920;

    public string Root => Path.Combine(data.Path, "documents");

    private string Incoming => Path.Combine(Root, ".incoming");

    /// <summary>Copies <paramref name="source"/> to a staging file; stops (and deletes it) as soon as more than <paramref name="maxBytes"/> arrive, or when reading fails.</summary>
    public async Task<StagedFile> StageAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Incoming);
        var path = Path.Combine(Incoming, Guid.NewGuid().ToString("N"));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        long size = 0;
        var tooLarge = false;
        try
        {
            await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    tooLarge = true;
                    break;
                }
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch
        {
            // A client that disconnects or a cancelled request must not leave part of a file behind (up to the maximum, as often as they like).
            File.Delete(path);
            throw;
        }
        if (tooLarge)
        {
            File.Delete(path);
            return new StagedFile(null, size, "", TooLarge: true);
        }
        return new StagedFile(path, size, Convert.ToHexStringLower(hash.GetHashAndReset()), TooLarge: false);
    }

    /// <summary>Moves a staged file to its content address (or drops it if those bytes are already stored).</summary>
    public void Commit(StagedFile staged)
    {
        var target = PathFor(staged.Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            File.Delete(staged.Path!);
            return;
        }
        File.Move(staged.Path!, target);
    }

    /// <summary>Stores bytes the application generated itself (opening records, letters); returns their hash.</summary>
    public async Task<(string Sha256, long Size)> StoreGeneratedAsync(Stream content, CancellationToken cancellationToken)
    {
        var staged = await StageAsync(content, long.MaxValue, cancellationToken);
        Commit(staged);
        return (staged.Sha256, staged.Size);
    }

    public Stream OpenRead(string sha256) =>
        new FileStream(PathFor(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);

    public string PathFor(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit))
        {
            throw new ArgumentException("Not a SHA-256 hex string.", nameof(sha256));
        }
        return Path.Combine(Root, sha256[..2], sha256[2..4], sha256);
    }
}

/// <summary>A file in staging: hashed and counted, not yet at its content address. <see cref="Path"/> is null when it was refused.</summary>
public sealed record StagedFile(string? Path, long Size, string Sha256, bool TooLarge) : IDisposable
{
    public void Dispose()
    {
        if (Path is not null && File.Exists(Path))
        {
            File.Delete(Path);
        }
    }
}
