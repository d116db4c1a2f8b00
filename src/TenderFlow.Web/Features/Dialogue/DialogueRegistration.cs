namespace TenderFlow.Web.Features.Dialogue;

public static class DialogueRegistration
{
    public static IServiceCollection AddDialogue(this IServiceCollection services)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapDialogue(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
