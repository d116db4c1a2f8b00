namespace TenderFlow.Web.Features.Decisions;

public static class DecisionsRegistration
{
    public static void AddDecisions(IServiceCollection services)
    {
        services.AddScoped<DecisionDossiers>();
        services.AddScoped<ProcedureReports>();
        services.AddScoped<DecisionPrints>();
    }

    public static void MapDecisions(WebApplication app)
    {
        app.MapDecisionEndpoints();
    }
}
