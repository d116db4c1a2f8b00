namespace TenderFlow.Web.Features.Submission;

public static class SubmissionRegistration
{
    public static IServiceCollection AddSubmission(this IServiceCollection services)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapSubmission(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
