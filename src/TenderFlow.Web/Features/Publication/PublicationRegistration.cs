using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Questions;

namespace TenderFlow.Web.Features.Publication;

/// <summary>Publication (tender documents, selection guideline), questions and answers (Q&amp;A, NvI) and the notification inbox.</summary>
public static class PublicationRegistration
{
    public static IServiceCollection AddPublication(this IServiceCollection services)
    {
        services.AddScoped<PublicationStage>();
        services.AddScoped<PublicationDocuments>();
        services.AddScoped<SelectionGuideline>();
        services.AddScoped<IDocumentReadPolicy, PublicationDocumentPolicy>();
        services.AddScoped<QuestionDesk>();
        services.AddScoped<InformationNotes>();
        services.AddScoped<IDocumentReadPolicy, InformationNotePolicy>();
        services.AddScoped<Notifications.Inbox>();
        return services;
    }

    public static void MapPublication(this IEndpointRouteBuilder app)
    {
        app.MapPublicationEndpoints();
        app.MapQuestionEndpoints();
        Notifications.NotificationEndpoints.MapNotificationEndpoints(app);
    }
}
