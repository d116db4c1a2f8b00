namespace TenderFlow.Web.Features.AuditExport;

public static class AuditExportRegistration
{
    public static void AddAuditExport(IServiceCollection services)
    {
    }

    public static void MapAuditExport(WebApplication app)
    {
    }
}
