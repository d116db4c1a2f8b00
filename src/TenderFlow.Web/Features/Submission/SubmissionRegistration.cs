using TenderFlow.Web.Features.Assessment;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Sealing;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Submission;

/// <summary>Phase 6 (tender submission, its sealed vault) and phase 7's quality assessment (Features/Assessment).</summary>
public static class SubmissionRegistration
{
    public static IServiceCollection AddSubmission(this IServiceCollection services)
    {
        services.AddScoped<SubmissionWindow>();
        services.AddScoped<SubmissionDesk>();
        services.AddScoped<SubmissionReader>();
        services.AddScoped<IDocumentReadPolicy, SubmissionReadPolicy>();
        services.AddScoped<ISealedVault, SubmissionVault>();

        services.AddScoped<QualityAssessment>();
        services.AddScoped<IQualityAssessmentReport, QualityAssessmentReport>();
        services.AddScoped<IDocumentReadPolicy, AssessmentReadPolicy>();
        services.AddScoped<IStepFollowUp, UnsuccessfulLetterDispatch>();
        services.AddScoped<IStepFollowUp, NewSubmissionRound>();
        services.AddScoped<IStepFollowUp, RevisedAwardConsensus>();
        return services;
    }

    public static IEndpointRouteBuilder MapSubmission(this IEndpointRouteBuilder app)
    {
        app.MapSubmissionEndpoints();
        app.MapAssessmentEndpoints();
        return app;
    }
}
