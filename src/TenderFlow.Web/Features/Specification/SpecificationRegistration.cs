using TenderFlow.Web.Features.Documents;

namespace TenderFlow.Web.Features.Specification;

public static class SpecificationRegistration
{
    public static IServiceCollection AddSpecification(this IServiceCollection services)
    {
        services.AddScoped<SpecificationAccess>();
        services.AddScoped<SpecificationDesk>();
        services.AddScoped<SpecificationQueries>();
        services.AddScoped<IDocumentReadPolicy, SpecificationReadPolicy>();
        return services;
    }

    public static IEndpointRouteBuilder MapSpecification(this IEndpointRouteBuilder app)
    {
        app.MapSpecificationEndpoints();
        return app;
    }
}
