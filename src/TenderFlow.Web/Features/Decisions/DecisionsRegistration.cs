namespace TenderFlow.Web.Features.Decisions;

public static class DecisionsRegistration
{
    public static void AddDecisions(IServiceCollection services)
    {
    }

    public static void MapDecisions(WebApplication app)
    {
    }
}
