using TenderFlow.Web.Features.Documents;

namespace TenderFlow.Web.Features.Sealing;

public static class SealingRegistration
{
    public static IServiceCollection AddSealing(this IServiceCollection services)
    {
        services.AddScoped<VaultOpenings>();
        services.AddScoped<OpeningRecords>();
        services.AddScoped<IDocumentReadPolicy, SealingReadPolicy>();
        return services;
    }

    public static IEndpointRouteBuilder MapSealing(this IEndpointRouteBuilder app)
    {
        app.MapSealingEndpoints();
        return app;
    }
}
