namespace TenderFlow.Web.Features.Award;

public static class AwardRegistration
{
    public static IServiceCollection AddAward(this IServiceCollection services)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapAward(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
