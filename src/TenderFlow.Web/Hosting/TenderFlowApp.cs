using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Loading;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features;
using TenderFlow.Web.Features.Accounts;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Health;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Features.Workflows;

namespace TenderFlow.Web.Hosting;

public static class TenderFlowApp
{
    public static WebApplication Build(string[] args)
    {
        // The working directory is where the operator stands (./data lives there); settings and assets live next to the binary.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = DemoMode.Normalise(args), ContentRootPath = AppContext.BaseDirectory });
        var services = builder.Services;

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DataDirectory>();
        services.AddSingleton<DemoMode>();
        services.AddScoped<Seed.DemoSeeder>();
        services.AddSingleton(BehaviourRegistry.BuiltIn);
        services.AddSingleton<DefinitionLoader>();
        services.AddSingleton<DefinitionCatalog>();
        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton<AuditTrail>();
        services.AddScoped<ITenderFacts, DatabaseTenderFacts>();
        services.AddScoped<TenderSteps>();
        services.AddDbContext<TenderFlowDbContext>((sp, options) =>
            options.UseSqlite(sp.GetRequiredService<DataDirectory>().ConnectionString,
                sqlite => sqlite.MigrationsAssembly(typeof(TenderFlowDbContext).Assembly.FullName)));
        services.AddHostedService<DatabaseInitialiser>();

        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestProblemHandler>();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        services.AddHttpContextAccessor();
        services.AddScoped<AuditWriter>();
        services.AddTenderFlowIdentity();
        services.AddAuthorization(TenderPolicies.Add);

        var app = builder.Build();
        // Resolving the catalog here validates every definition before anything listens: an invalid file stops the app.
        app.Services.GetRequiredService<DefinitionCatalog>();

        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapWorkflowEndpoints();
        app.MapTenderEndpoints();
        app.MapAuditEndpoints();
        app.MapAuthEndpoints();
        return app;
    }
}
