using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Sealing;

namespace TenderFlow.Web.Features.Applications;

public static class ApplicationsRegistration
{
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddScoped<ApplicationWindow>();
        services.AddScoped<ApplicationDesk>();
        services.AddScoped<ApplicationReader>();
        services.AddScoped<IDocumentReadPolicy, ApplicationReadPolicy>();
        services.AddScoped<ISealedVault, SelectionVault>();
        return services;
    }

    public static IEndpointRouteBuilder MapApplications(this IEndpointRouteBuilder app)
    {
        app.MapApplicationEndpoints();
        return app;
    }
}
