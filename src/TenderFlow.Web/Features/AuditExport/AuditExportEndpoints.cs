using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit.Export;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.AuditExport;

public sealed record ExportKeyView(string Algorithm, string PublicKey, string PublicKeyPem, string Fingerprint);

public static class AuditExportEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/tenders/{id:guid}/audit/export", async (Guid id, bool? documents, HttpContext http, TenderFlowDbContext db, AuditExporter exporter, CancellationToken ct) =>
            {
                var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
                if (await http.RefuseAsync(tender, id, TenderOperations.ReadAudit) is { } refused)
                {
                    return (IResult)refused;
                }
                ExportedPackage package;
                try
                {
                    package = await exporter.ExportAsync(tender!, http.User.ToActor(), documents ?? false, ct);
                }
                catch (Exception e) when (e is FormatException or InvalidCastException)
                {
                    // A row no event can hold cannot go into a package; the verification names it.
                    return Audit.AuditEndpoints.Unreadable().ToProblem(http);
                }
                http.Response.Headers["X-Manifest-SHA256"] = package.ManifestSha256;
                return Results.File(package.File, "application/x-tar", package.FileName);
            })
            .WithTags("Audit").RequireAuthorization(TenderPolicies.SignedIn).WithName("ExportTenderAudit");

        app.MapGet("/api/audit/export-key", (AuditExportSigningKey key) =>
            {
                var spki = key.PublicKey;
                return TypedResults.Ok(new ExportKeyView(AuditExportFormat.SignatureAlgorithm, Convert.ToBase64String(spki), key.Key.ExportSubjectPublicKeyInfoPem(), key.Fingerprint));
            })
            .WithTags("Audit").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Procurement, Roles.Legal)).WithName("AuditExportKey");
    }
}
