namespace TenderFlow.Web.Features.Legal;

public static class LegalRegistration
{
    public static void AddLegal(IServiceCollection services)
    {
        services.AddScoped<LegalDossier>();
        services.AddScoped<ReadLedger>();
    }

    public static void MapLegal(WebApplication app)
    {
        app.MapLegalEndpoints();
    }
}
