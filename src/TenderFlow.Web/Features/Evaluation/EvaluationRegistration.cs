using Microsoft.AspNetCore.Http.HttpResults;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Evaluation;

public static class EvaluationRegistration
{
    public static IServiceCollection AddEvaluation(this IServiceCollection services)
    {
        services.AddScoped<EvaluationGate>();
        services.AddScoped<Declarations>();
        services.AddScoped<Assessments>();
        services.AddScoped<EvaluationReads>();
        services.AddScoped<SelectionDecisions>();
        services.AddScoped<IStepFollowUp, SelectionLetterDispatch>();
        services.AddScoped<IDocumentReadPolicy, SelectionLetterReadPolicy>();
        return services;
    }

    public static void MapEvaluation(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenders/{id:guid}/evaluation").WithTags("Evaluation").RequireAuthorization(TenderPolicies.SignedIn);

        group.MapGet("/workspace", (Guid id, HttpContext http, EvaluationReads reads, CancellationToken ct) =>
            WithTenderAsync(http, id, [], async tender => TypedResults.Ok(await reads.WorkspaceAsync(tender, http.User, ct))))
            .WithName("GetEvaluationWorkspace");

        group.MapPost("/declaration", (Guid id, DeclarationRequest request, HttpContext http, Declarations declarations, CancellationToken ct) =>
            WithTenderAsync(http, id, [], async tender => Done(await declarations.DeclareAsync(tender, http.User, request, ct), http)))
            .WithName("SignConflictDeclaration");

        group.MapPost("/declarations/{userId}/resolution", (Guid id, string userId, ResolutionRequest request, HttpContext http, Declarations declarations, CancellationToken ct) =>
            WithTenderAsync(http, id, [TenderOperations.Manage], async tender => Done(await declarations.ResolveAsync(tender, http.User, userId, request, ct), http)))
            .WithName("ResolveConflict");

        group.MapPost("/chair", (Guid id, ChairRequest request, HttpContext http, Declarations declarations, CancellationToken ct) =>
            WithTenderAsync(http, id, [TenderOperations.Manage], async tender => Done(await declarations.DesignateChairAsync(tender, http.User, request.UserId, ct), http)))
            .WithName("DesignateChair");

        group.MapGet("/applications/{applicationId:guid}", (Guid id, Guid applicationId, HttpContext http, EvaluationReads reads, CancellationToken ct) =>
            WithTenderAsync(http, id, [], async tender => Result(await reads.AssessmentAsync(tender, http.User, applicationId, ct), http)))
            .WithName("GetApplicationAssessment");

        group.MapPost("/applications/{applicationId:guid}/knockout", (Guid id, Guid applicationId, KnockoutRequest request, HttpContext http, Assessments assessments, CancellationToken ct) =>
            WithTenderAsync(http, id, [], async tender => Done(await assessments.JudgeAsync(tender, http.User, applicationId, request, asChair: false, ct), http)))
            .WithName("JudgeKnockout");

        group.MapPost("/applications/{applicationId:guid}/knockout/settlement", (Guid id, Guid applicationId, KnockoutRequest request, HttpContext http, Assessments assessments, CancellationToken ct) =>
            WithTenderAsync(http, id, [], async tender => Done(await assessments.JudgeAsync(tender, http.User, applicationId, request, asChair: true, ct), http)))
            .WithName("SettleKnockout");

        group.MapPost("/applications/{applicationId:guid}/scores", (Guid id, Guid applicationId, ScoreSheetRequest request, HttpContext http, Assessments assessments, CancellationToken ct) =>
            WithTenderAsync(http, id, [], async tender => Done(await assessments.SubmitScoresAsync(tender, http.User, applicationId, request, ct), http)))
            .WithName("SubmitScores");

        group.MapGet("/applications/{applicationId:guid}/scores", (Guid id, Guid applicationId, HttpContext http, EvaluationReads reads, CancellationToken ct) =>
            WithTenderAsync(http, id, [], async tender => Result(await reads.IndividualScoresAsync(tender, http.User, applicationId, ct), http)))
            .WithName("GetIndividualScores");

        group.MapGet("/applications/{applicationId:guid}/consensus", (Guid id, Guid applicationId, HttpContext http, EvaluationReads reads, CancellationToken ct) =>
            WithTenderAsync(http, id, [], async tender => Result(await reads.ConsensusPageAsync(tender, http.User, applicationId, ct), http)))
            .WithName("GetConsensus");

        group.MapPost("/applications/{applicationId:guid}/consensus", (Guid id, Guid applicationId, ScoreSheetRequest request, HttpContext http, Assessments assessments, CancellationToken ct) =>
            WithTenderAsync(http, id, [], async tender => Done(await assessments.SetConsensusAsync(tender, http.User, applicationId, request, ct), http)))
            .WithName("SetConsensus");

        group.MapGet("/ranking", (Guid id, HttpContext http, EvaluationReads reads, CancellationToken ct) =>
            WithTenderAsync(http, id, [], async tender => Result(await reads.RankingAsync(tender, http.User, ct), http)))
            .WithName("GetRanking");

        group.MapPost("/selection", (Guid id, SelectionRequest request, HttpContext http, SelectionDecisions decisions, CancellationToken ct) =>
            WithTenderAsync(http, id, [TenderOperations.Manage], async tender => Done(await decisions.SelectAsync(tender, http.User, request, ct), http)))
            .WithName("SelectCandidate");

        group.MapPost("/announce", (Guid id, AnnounceRequest? request, HttpContext http, SelectionDecisions decisions, CancellationToken ct) =>
            WithTenderAsync(http, id, [TenderOperations.Manage], async tender => Result(await decisions.AnnounceAsync(id, http.User, request?.ExpectedRevision, ct), http)))
            .WithName("AnnounceSelection");

        group.MapGet("/letters", (Guid id, HttpContext http, SelectionDecisions decisions, CancellationToken ct) =>
            WithTenderAsync(http, id, [], async tender => TypedResults.Ok(await decisions.LettersForAsync(tender.Id, http.User, ct))))
            .WithName("ListSelectionLetters");
    }

    private static async Task<IResult> WithTenderAsync(HttpContext http, Guid id, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement[] operations, Func<Tender, Task<IResult>> act)
    {
        var steps = http.RequestServices.GetRequiredService<TenderSteps>();
        var tender = (await steps.LoadAsync(id, http.RequestAborted))?.Tender;
        if (await http.RefuseAsync(tender, id, operations) is { } refused)
        {
            return refused;
        }
        return await act(tender!);
    }

    private static IResult Done(RuleViolation? violation, HttpContext http) => violation is null ? TypedResults.NoContent() : violation.ToProblem(http);

    private static IResult Result<T>((T? Value, RuleViolation? Violation) outcome, HttpContext http) =>
        outcome.Violation is not null ? outcome.Violation.ToProblem(http) : TypedResults.Ok(outcome.Value);
}
