namespace TenderFlow.Web.Features.Deadlines.Changes;

public static class DeadlineChangesRegistration
{
    public static void AddDeadlineChanges(IServiceCollection services) => services.AddScoped<DeadlineChanges>();

    public static void MapDeadlineChanges(WebApplication app) => app.MapDeadlineChangeEndpoints();
}
