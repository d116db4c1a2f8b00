namespace TenderFlow.Web.Features.Specification;

public static class SpecificationRegistration
{
    public static IServiceCollection AddSpecification(this IServiceCollection services)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapSpecification(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
