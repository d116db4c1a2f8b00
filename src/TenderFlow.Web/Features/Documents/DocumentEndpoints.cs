using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace TenderFlow.Web.Features.Documents;

public static class DocumentEndpoints
{
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DocumentOptions>(configuration.GetSection(DocumentOptions.Section));
        services.AddSingleton<ContentStore>();
        services.AddScoped<DocumentIntake>();
        services.AddScoped<DocumentReads>();
        return services;
    }

    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        // Anonymous callers are let through here on purpose: public documents (published guide, public reports) are
        // for everyone; every other kind is refused by its feature's policy.
        app.MapGet("/api/documents/{id:guid}", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (
                Guid id, DocumentReads reads, ContentStore store, HttpContext http, CancellationToken ct) =>
            {
                var document = await reads.AuthoriseAsync(id, http.User, ct);
                if (document is null)
                {
                    return DocumentRules.NotFound(id).ToProblem(http);
                }
                http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                return TypedResults.File(store.OpenRead(document.Sha256), document.ContentType, document.FileName,
                    entityTag: new EntityTagHeaderValue($"\"{document.Sha256}\""));
            })
            .AllowAnonymous().WithTags("Documents").WithName("DownloadDocument");
    }
}
