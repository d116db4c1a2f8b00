using TenderFlow.Web.Features.Documents;

namespace TenderFlow.Web.Features.Consultation;

public static class ConsultationRegistration
{
    public static IServiceCollection AddConsultation(this IServiceCollection services)
    {
        services.AddScoped<ConsultationPhase>();
        services.AddScoped<SessionScheduling>();
        services.AddScoped<Tenders.IStepFollowUp, SessionsCancelledWithTender>();
        services.AddScoped<SessionRegistrations>();
        services.AddScoped<SessionAttendance>();
        services.AddScoped<SessionReports>();
        services.AddScoped<ParticipantsExport>();
        services.AddScoped<ConsultationQueries>();
        services.AddScoped<IDocumentReadPolicy, ConsultationReportPolicy>();
        return services;
    }

    public static void MapConsultation(this IEndpointRouteBuilder app) => app.MapConsultationEndpoints();
}
