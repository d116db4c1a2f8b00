namespace TenderFlow.Web.Features.AuditExport;

public static class AuditExportRegistration
{
    public static void AddAuditExport(IServiceCollection services)
    {
        services.AddSingleton<AuditExportSigningKey>();
        services.AddScoped<ExportDocumentContent>();
        services.AddScoped<AuditExporter>();
    }

    public static void MapAuditExport(WebApplication app) => AuditExportEndpoints.Map(app);
}
