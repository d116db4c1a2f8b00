namespace TenderFlow.Web.Features.Ocds;

public static class OcdsRegistration
{
    public static void AddOcds(IServiceCollection services)
    {
    }

    public static void MapOcds(WebApplication app)
    {
    }
}
