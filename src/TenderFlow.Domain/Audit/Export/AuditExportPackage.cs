using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text.Json;

namespace TenderFlow.Domain.Audit.Export;

/// <summary>One entry to put in the package: its path, what the manifest says of it, and how to read its bytes.</summary>
public sealed record PackageEntry(string Path, string Sha256, long Length, Func<Stream> Open)
{
    public static PackageEntry FromBytes(string path, byte[] bytes) =>
        new(path, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, () => new MemoryStream(bytes, writable: false));

    public ExportEntry ToManifest() => new(Path, Sha256, Length);
}

/// <summary>Writes the package: an uncompressed POSIX (pax) tar with manifest.json and signature.json first, then the entries.</summary>
public static class AuditExportPackage
{
    public static byte[] ManifestBytes(ExportManifest manifest) => JsonSerializer.SerializeToUtf8Bytes(manifest, AuditExportFormat.Json);

    /// <summary>Signs the manifest (which must list <paramref name="entries"/>) and writes everything to <paramref name="output"/>; returns the manifest's bytes.</summary>
    public static async Task<byte[]> WriteAsync(Stream output, ExportManifest manifest, IReadOnlyList<PackageEntry> entries, ECDsa key, CancellationToken cancellationToken = default)
    {
        var manifestBytes = ManifestBytes(manifest);
        var signature = JsonSerializer.SerializeToUtf8Bytes(ExportSignature.Sign(manifestBytes, key), AuditExportFormat.Json);
        var modified = new DateTimeOffset(DateTime.SpecifyKind(manifest.ExportedAtUtc, DateTimeKind.Utc));
        await using (var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            await WriteEntryAsync(tar, AuditExportFormat.Manifest, new MemoryStream(manifestBytes), modified, cancellationToken);
            await WriteEntryAsync(tar, AuditExportFormat.Signature, new MemoryStream(signature), modified, cancellationToken);
            foreach (var entry in entries)
            {
                await using var content = entry.Open();
                await WriteEntryAsync(tar, entry.Path, content, modified, cancellationToken);
            }
        }
        return manifestBytes;
    }

    private static async Task WriteEntryAsync(TarWriter tar, string path, Stream content, DateTimeOffset modified, CancellationToken cancellationToken)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, path)
        {
            DataStream = content,
            ModificationTime = modified,
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
        };
        await tar.WriteEntryAsync(entry, cancellationToken);
    }
}
