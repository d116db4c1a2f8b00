using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Loading;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features;
using TenderFlow.Web.Features.Accounts;
using TenderFlow.Web.Features.Applications;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Evaluation;
using TenderFlow.Web.Features.Health;
using TenderFlow.Web.Features.Publication;
using TenderFlow.Web.Features.Sealing;
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
        services.AddScoped<Features.Audit.TenderHistory>();
        services.AddScoped<AuditAnchorMail>();
        services.AddScoped<ITenderFacts, DatabaseTenderFacts>();
        services.AddScoped<TenderSteps>();
        services.AddScoped<Features.Admin.PeopleAdministration>();
        services.AddDocuments(builder.Configuration);
        services.AddSingleton<Features.Notifications.Notifier>();
        Features.Notifications.NotificationsRegistration.AddNotifications(services, builder.Configuration);
        Features.Consultation.ConsultationRegistration.AddConsultation(services);
        services.AddPublication();
        services.AddApplications();
        services.AddSealing();
        services.AddEvaluation();
        Features.Dialogue.DialogueRegistration.AddDialogue(services);
        Features.Specification.SpecificationRegistration.AddSpecification(services);
        Features.Submission.SubmissionRegistration.AddSubmission(services);
        Features.Award.AwardRegistration.AddAward(services);
        // Pooled: a step (one request) would otherwise build a fresh context and its internal services every time.
        services.AddDbContextPool<TenderFlowDbContext>((sp, options) =>
            options.UseSqlite(sp.GetRequiredService<DataDirectory>().ConnectionString,
                // Split: in one statement a tender's deadlines repeat per theme (9 × 11 rows from its dialogue on). The statements of a
                // split query still read one commit: the main statement's reader stays open while the others run, and SQLite keeps
                // one read snapshot while any statement of the connection is active (TenderReadSnapshotTests). PostgreSQL will need a
                // repeatable-read transaction for the same guarantee.
                sqlite => sqlite.MigrationsAssembly(typeof(TenderFlowDbContext).Assembly.FullName).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));
        services.AddHostedService<DatabaseInitialiser>();
        Features.Deadlines.DeadlinesRegistration.AddDeadlines(services, builder.Configuration);
        services.AddHostedService<AuditAnchorSchedule>();
        Features.Deadlines.Changes.DeadlineChangesRegistration.AddDeadlineChanges(services);
        Features.Legal.LegalRegistration.AddLegal(services);
        Features.Decisions.DecisionsRegistration.AddDecisions(services);
        Features.AuditExport.AuditExportRegistration.AddAuditExport(services);
        Features.Ocds.OcdsRegistration.AddOcds(services);

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        Features.Accounts.PasswordResetLimits.Add(services);
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Admin", TenderPolicies.ManagePeople);
                Features.Accounts.PasswordResetLimits.Apply(o.Conventions);
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(o => PortalModelBinding.Localise(o.ModelBindingMessageProvider));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "TenderFlow.Antiforgery";
            o.Cookie.SecurePolicy = IdentitySetup.CookiePolicy(builder.Environment);
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestProblemHandler>();
        services.AddExceptionHandler<AuditTrailUnreadableHandler>();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.WithAddedModifier(
                o.SerializerOptions.TypeInfoResolver ?? new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(), EmptyListItems.Refuse);
        });

        services.AddHttpContextAccessor();
        services.AddScoped<AuditWriter>();
        services.AddScoped<AuditedRead>();
        services.AddTenderFlowIdentity(builder.Environment);
        services.AddAuthorization(TenderPolicies.Add);

        var app = builder.Build();
        // Resolving the catalog here validates every definition before anything listens: an invalid file stops the app.
        app.Services.GetRequiredService<DefinitionCatalog>();

        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));

        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseHsts();
        }
        app.UseWhen(http => ApiPaths.Contains(http.Request.Path), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(http => !ApiPaths.Contains(http.Request.Path), portal =>
        {
            portal.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = string.Format(System.Globalization.CultureInfo.InvariantCulture, Features.Errors.StatusPageModel.Template, StatusCodes.Status500InternalServerError),
                StatusCodeSelector = e => e switch
                {
                    BadHttpRequestException bad => bad.StatusCode,
                    AuditTrailUnreadableException => StatusCodes.Status409Conflict,
                    _ => StatusCodes.Status500InternalServerError,
                },
            });
            portal.UseStatusCodePagesWithReExecute(Features.Errors.StatusPageModel.Template);
        });
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRequestLocalization(PortalCultures.Options());
        // Routing after the error handlers, so that a re-executed request (the portal's status page) is routed anew.
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseApiCookieAntiforgery();

        app.MapRazorPages();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapWorkflowEndpoints();
        app.MapTenderEndpoints();
        app.MapAuditEndpoints();
        app.MapAuthEndpoints();
        app.MapDocumentEndpoints();
        Features.Consultation.ConsultationRegistration.MapConsultation(app);
        app.MapPublication();
        app.MapApplications();
        app.MapSealing();
        app.MapEvaluation();
        Features.Dialogue.DialogueRegistration.MapDialogue(app);
        Features.Specification.SpecificationRegistration.MapSpecification(app);
        Features.Submission.SubmissionRegistration.MapSubmission(app);
        Features.Award.AwardRegistration.MapAward(app);
        Features.Deadlines.DeadlinesRegistration.MapDeadlines(app);
        Features.Deadlines.Changes.DeadlineChangesRegistration.MapDeadlineChanges(app);
        Features.Legal.LegalRegistration.MapLegal(app);
        Features.Decisions.DecisionsRegistration.MapDecisions(app);
        Features.AuditExport.AuditExportRegistration.MapAuditExport(app);
        Features.Ocds.OcdsRegistration.MapOcds(app);
        return app;
    }
}
