using System.Security.Cryptography;

namespace TenderFlow.Domain.Audit.Export;

/// <summary>Signs manifest.json's bytes and checks such a signature: ECDSA on NIST P-256 over SHA-256, signature as r‖s (IEEE P1363).</summary>
public static class ExportSignature
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>Lowercase hex SHA-256 of the key's SubjectPublicKeyInfo (DER): what an outsider compares.</summary>
    public static string Fingerprint(byte[] subjectPublicKeyInfo) => Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo));

    public static ExportSignatureFile Sign(byte[] manifest, ECDsa key)
    {
        var spki = key.ExportSubjectPublicKeyInfo();
        var signature = key.SignData(manifest, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return new ExportSignatureFile(AuditExportFormat.SignatureFormatId, AuditExportFormat.SignatureAlgorithm, AuditExportFormat.Manifest,
            Convert.ToBase64String(signature), Convert.ToBase64String(spki), key.ExportSubjectPublicKeyInfoPem(), Fingerprint(spki));
    }

    /// <summary>Every problem with the signature file against these manifest bytes; empty when it is valid.</summary>
    public static IReadOnlyList<string> Check(ExportSignatureFile file, byte[] manifest)
    {
        var problems = new List<string>();
        if (file.Algorithm != AuditExportFormat.SignatureAlgorithm)
        {
            problems.Add($"signature.json: algorithm '{file.Algorithm}' is not {AuditExportFormat.SignatureAlgorithm}");
            return problems;
        }
        byte[] spki, signature;
        try
        {
            spki = Convert.FromBase64String(file.PublicKey);
            signature = Convert.FromBase64String(file.Signature);
        }
        catch (FormatException)
        {
            problems.Add("signature.json: public key or signature is not base64");
            return problems;
        }
        if (!string.Equals(Fingerprint(spki), file.Fingerprint, StringComparison.Ordinal))
        {
            problems.Add($"signature.json: fingerprint {file.Fingerprint} is not the SHA-256 of the public key ({Fingerprint(spki)})");
        }
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(spki, out _);
            if (key.ExportParameters(false).Curve.Oid.Value != P256Oid)
            {
                problems.Add("signature.json: the public key is not on curve P-256");
            }
            else if (!key.VerifyData(manifest, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            {
                problems.Add("signature.json: the signature does not match manifest.json (manifest or signature changed)");
            }
        }
        catch (CryptographicException e)
        {
            problems.Add($"signature.json: the public key cannot be read ({e.Message})");
        }
        return problems;
    }
}
