namespace TenderFlow.Web.Features.Legal;

public static class LegalRegistration
{
    public static void AddLegal(IServiceCollection services)
    {
    }

    public static void MapLegal(WebApplication app)
    {
    }
}
