using System.Security.Cryptography;
using TenderFlow.Domain.Audit.Export;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.AuditExport;

/// <summary>
/// The server's export signing key (ECDSA P-256): created on first use as <c>{data}/keys/audit-export-signing.pem</c>
/// (PKCS#8 PEM, mode 600 on Unix), loaded from there afterwards. Only the public half ever leaves this class.
/// </summary>
public sealed class AuditExportSigningKey(DataDirectory data) : IDisposable
{
    private readonly Lock _gate = new();
    private ECDsa? _key;

    public string FilePath => Path.Combine(data.Path, "keys", "audit-export-signing.pem");

    public ECDsa Key
    {
        get
        {
            lock (_gate)
            {
                return _key ??= LoadOrCreate();
            }
        }
    }

    public byte[] PublicKey => Key.ExportSubjectPublicKeyInfo();

    public string Fingerprint => ExportSignature.Fingerprint(PublicKey);

    private ECDsa LoadOrCreate()
    {
        if (!File.Exists(FilePath))
        {
            var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            try
            {
                using var file = new FileStream(FilePath, options);
                using var writer = new StreamWriter(file);
                writer.Write(created.ExportPkcs8PrivateKeyPem());
                return created;
            }
            catch (IOException) when (File.Exists(FilePath))
            {
                created.Dispose();   // Another process created it first: use theirs.
            }
        }
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(FilePath));
        return key;
    }

    public void Dispose() => _key?.Dispose();
}
