using TenderFlow.Web.Features.Documents;

namespace TenderFlow.Web.Features.Dialogue;

public static class DialogueRegistration
{
    public static IServiceCollection AddDialogue(this IServiceCollection services)
    {
        services.AddScoped<DialogueGate>();
        services.AddScoped<DialogueQueries>();
        services.AddScoped<DialogueThemes>();
        services.AddScoped<DialoguePartners>();
        services.AddScoped<DialogueConversation>();
        services.AddScoped<DialogueMeetings>();
        services.AddScoped<DialogueDocuments>();
        services.AddScoped<IDocumentReadPolicy, DialogueDocumentPolicy>();
        return services;
    }

    public static IEndpointRouteBuilder MapDialogue(this IEndpointRouteBuilder app)
    {
        app.MapDialogueEndpoints();
        return app;
    }
}
