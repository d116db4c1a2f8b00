using Microsoft.EntityFrameworkCore;
using TenderFlow.Web.Data;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Health;

public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (TenderFlowDbContext db, DefinitionCatalog catalog, CancellationToken ct) =>
            {
                var canConnect = await db.Database.CanConnectAsync(ct);
                var body = new { status = canConnect ? "Healthy" : "Unhealthy", database = canConnect, definitions = catalog.Current.Count };
                return canConnect ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .AllowAnonymous().WithTags("Health").WithName("Health");
}
