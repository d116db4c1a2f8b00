using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Public;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Ocds;

public static class OcdsRegistration
{
    public static void AddOcds(IServiceCollection services)
    {
        services.AddOptions<OcdsOptions>().BindConfiguration(OcdsOptions.Section);
        services.AddScoped<OcdsSource>();
        services.AddScoped<OcdsExport>();
    }

    public static void MapOcds(WebApplication app)
    {
        var group = app.MapGroup("/api/tenders/{id:guid}/ocds").WithTags("OCDS").AllowAnonymous();
        group.MapGet("", (Guid id, HttpContext http, TenderFlowDbContext db, OcdsExport export, CancellationToken ct) =>
            ServeAsync(id, http, db, (tender, uri) => export.ReleasePackageAsync(tender, uri, ct), ct)).WithName("OcdsReleasePackage");
        group.MapGet("/record", (Guid id, HttpContext http, TenderFlowDbContext db, OcdsExport export, CancellationToken ct) =>
            ServeAsync(id, http, db, (tender, uri) => export.RecordPackageAsync(tender, uri, ct), ct)).WithName("OcdsRecordPackage");
    }

    private static async Task<IResult> ServeAsync(Guid id, HttpContext http, TenderFlowDbContext db,
        Func<Tender, string, Task<System.Text.Json.Nodes.JsonObject>> build, CancellationToken ct)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (tender is null || !MayRead(http, tender))
        {
            return TenderRules.NotFound(id).ToProblem(http);
        }
        var package = await build(tender, PublicAddress.Base(http));
        return Results.Text(package.ToJsonString(Json), "application/json", System.Text.Encoding.UTF8);
    }

    /// <summary>
    /// Open data about a published procedure: anyone once the tender is announced (as /openbaar/{reference}); before that
    /// only the contracting authority's staff. Any other role reads it like the public does.
    /// </summary>
    public static bool MayRead(HttpContext http, Tender tender) =>
        tender.IsPublic || http.User.IsInRole(Roles.Admin) || http.User.IsInRole(Roles.Procurement) || http.User.IsInRole(Roles.Legal);

    // Letters stay readable (é, ë); characters that matter in HTML are still escaped, whoever later embeds the JSON.
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}
