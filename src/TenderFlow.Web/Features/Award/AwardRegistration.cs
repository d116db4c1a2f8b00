using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Features.Award.Contract;
using TenderFlow.Web.Features.Award.Objections;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Award;

public static class AwardRegistration
{
    public static IServiceCollection AddAward(this IServiceCollection services)
    {
        services.AddScoped<AwardDecisions>();
        services.AddScoped<ObjectionService>();
        services.AddScoped<ContractService>();
        services.AddScoped<IStepFollowUp, AwardLetterDispatch>();
        services.AddScoped<IStepFollowUp, AwardRevision>();
        services.AddScoped<IStepFollowUp, SelectionRevision>();
        services.AddScoped<IStepFollowUp, FinalAwardRecord>();
        services.AddScoped<IDocumentReadPolicy, AwardReadPolicy>();
        return services;
    }

    public static IEndpointRouteBuilder MapAward(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenders/{id:guid}").WithTags("Award").RequireAuthorization(TenderPolicies.SignedIn);

        group.MapPost("/award/announce", async (Guid id, AnnounceAwardRequest request, HttpContext http, TenderSteps steps, AwardDecisions decisions, CancellationToken ct) =>
        {
            if (await RefuseAsync(http, steps, id, TenderOperations.Manage) is { } refused)
            {
                return refused;
            }
            var report = await decisions.AnnounceAsync(id, http.User, request, ct);
            if (report.Violation is not null)
            {
                return report.Violation.ToProblem(http);
            }
            return TypedResults.Ok(await TenderEndpoints.ViewAsync(steps, http, id, ct));
        }).WithName("AnnounceAward");

        group.MapGet("/award", async (Guid id, HttpContext http, TenderSteps steps, AwardDecisions decisions, CancellationToken ct) =>
        {
            var loaded = await steps.LoadAsync(id, ct);
            if (await http.RefuseAsync(loaded?.Tender, id) is { } refused)
            {
                return (IResult)refused;
            }
            return TypedResults.Ok(await decisions.ViewAsync(loaded!.Value.Tender, http.User, ct));
        }).WithName("GetAward");

        group.MapPost("/objections", async (Guid id, HttpContext http, TenderSteps steps, ObjectionService objections, DocumentIntake intake, CancellationToken ct) =>
        {
            if (await RefuseAsync(http, steps, id) is { } refused)
            {
                return refused;
            }
            if (!http.User.IsInRole(Roles.Bidder))
            {
                return AwardRules.NotEntitled("selection").ToProblem(http);
            }
            var (request, form, unreadable) = await ObjectionRequestReader.ReadAsync(http, intake,
                f => new FileObjectionRequest(f.Field("decision"), f.Field("grounds")), ct);
            using (form)
            {
                if (unreadable is not null)
                {
                    return unreadable.ToProblem(http);
                }
                var (created, refusal) = await objections.FileAsync(id, http.User, request?.Decision, request?.Grounds, form?.Document, ct);
                return refusal is not null ? refusal.ToProblem(http) : TypedResults.Created($"/api/tenders/{id}/objections/{created!.Id}", created);
            }
        }).WithName("FileObjection").DisableAntiforgery();

        group.MapPost("/objections/recorded", async (Guid id, HttpContext http, TenderSteps steps, DocumentIntake intake, ObjectionService objections, CancellationToken ct) =>
        {
            if (await RefuseAsync(http, steps, id) is { } refused)
            {
                return refused;
            }
            if (!(http.User.IsInRole(Roles.Legal) || http.User.IsInRole(Roles.Procurement)))
            {
                return AwardRules.RecordingNotAllowed().ToProblem(http);
            }
            var (request, form, unreadable) = await ObjectionRequestReader.ReadAsync(http, intake, f => new RecordObjectionRequest(f.Field("decision"),
                Guid.TryParse(f.Field("organisationId"), out var organisation) ? organisation : null, f.Field("grounds"), f.Field("receivedVia")), ct);
            using (form)
            {
                if (unreadable is not null)
                {
                    return unreadable.ToProblem(http);
                }
                var (created, refusal) = await objections.RecordAsync(id, http.User, request ?? new RecordObjectionRequest(null, null, null, null), form?.Document, ct);
                return refusal is not null ? refusal.ToProblem(http) : TypedResults.Created($"/api/tenders/{id}/objections/{created!.Id}", created);
            }
        }).WithName("RecordObjection").DisableAntiforgery();

        group.MapGet("/objections", async (Guid id, HttpContext http, TenderSteps steps, ObjectionService objections, CancellationToken ct) =>
        {
            if (await RefuseAsync(http, steps, id) is { } refused)
            {
                return refused;
            }
            if (!(http.User.IsInRole(Roles.Procurement) || http.User.IsInRole(Roles.Legal) || http.User.IsInRole(Roles.Bidder)))
            {
                return http.Forbidden();
            }
            return TypedResults.Ok(await objections.VisibleAsync(id, http.User, ct));
        }).WithName("ListObjections");

        group.MapPost("/objections/{objectionId:guid}/advice", async (Guid id, Guid objectionId, ObjectionAdviceRequest request, HttpContext http, TenderSteps steps, ObjectionService objections, CancellationToken ct) =>
        {
            if (await RefuseAsync(http, steps, id) is { } refused)
            {
                return refused;
            }
            if (!http.User.IsInRole(Roles.Legal))
            {
                return http.Forbidden();
            }
            return Done(await objections.AdviseAsync((await steps.LoadAsync(id, ct))!.Value.Tender, objectionId, http.User, request, ct), http);
        }).WithName("AdviseOnObjection");

        group.MapPost("/objections/{objectionId:guid}/resolution", async (Guid id, Guid objectionId, ObjectionResolutionRequest request, HttpContext http, TenderSteps steps, ObjectionService objections, CancellationToken ct) =>
        {
            if (await RefuseAsync(http, steps, id, TenderOperations.Manage) is { } refused)
            {
                return refused;
            }
            return Done(await objections.ResolveAsync((await steps.LoadAsync(id, ct))!.Value.Tender, objectionId, http.User, request, ct), http);
        }).WithName("ResolveObjection");

        group.MapPut("/contract", async (Guid id, ContractRequest request, HttpContext http, TenderSteps steps, ContractService contracts, CancellationToken ct) =>
        {
            if (await RefuseAsync(http, steps, id, TenderOperations.Manage) is { } refused)
            {
                return refused;
            }
            return Done(await contracts.RecordAsync(id, http.User, request, ct), http);
        }).WithName("RecordContract");

        group.MapPost("/contract/extensions", async (Guid id, ExtensionRequest request, HttpContext http, TenderSteps steps, ContractService contracts, CancellationToken ct) =>
        {
            if (await RefuseAsync(http, steps, id, TenderOperations.Manage) is { } refused)
            {
                return refused;
            }
            return Done(await contracts.DecideExtensionAsync(id, http.User, request, ct), http);
        }).WithName("DecideContractExtension");

        group.MapGet("/contract", async (Guid id, HttpContext http, TenderSteps steps, ContractService contracts, CancellationToken ct) =>
        {
            if (await RefuseAsync(http, steps, id) is { } refused)
            {
                return refused;
            }
            if (!await contracts.MayReadAsync(id, http.User, ct))
            {
                return http.Forbidden();
            }
            return await contracts.ViewAsync(id, ct) is { } view ? TypedResults.Ok(view) : AwardRules.NoContract().ToProblem(http);
        }).WithName("GetContract");

        return app;
    }

    private static async Task<IResult?> RefuseAsync(HttpContext http, TenderSteps steps, Guid id, params Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement[] operations) =>
        await http.RefuseAsync((await steps.LoadAsync(id, http.RequestAborted))?.Tender, id, operations);

    private static IResult Done(RuleViolation? violation, HttpContext http) => violation is null ? TypedResults.NoContent() : violation.ToProblem(http);
}
