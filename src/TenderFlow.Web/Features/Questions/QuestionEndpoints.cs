using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Publication;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Questions;

public static class QuestionEndpoints
{
    public static void MapQuestionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenders/{id:guid}").WithTags("Questions").RequireAuthorization(TenderPolicies.SignedIn);

        // Procurement and Legal: every question with its asker. Bidders: their organisation's questions. Nobody else.
        group.MapGet("/questions", async Task<Results<Ok<IReadOnlyList<QuestionCaseView>>, Ok<IReadOnlyList<OwnQuestionView>>, ProblemHttpResult>> (
                Guid id, TenderFlowDbContext db, QuestionDesk desk, HttpContext http, CancellationToken ct) =>
            {
                var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
                if (await http.RefuseAsync(tender, id) is { } refused)
                {
                    return refused;
                }
                if (QuestionDesk.MayReadAskers(http.User))
                {
                    return TypedResults.Ok(await desk.CasesAsync(id, ct));
                }
                if (http.User.IsInRole(Roles.Bidder) && http.User.OrganisationId() is { } organisation)
                {
                    return TypedResults.Ok(await desk.OwnAsync(id, organisation, ct));
                }
                return QuestionRules.OnlyCandidates().ToProblem(http);
            })
            .WithName("ListQuestions");

        group.MapPost("/questions", async Task<Results<Created<OwnQuestionView>, ProblemHttpResult>> (
                Guid id, AskQuestionRequest request, TenderFlowDbContext db, QuestionDesk desk, HttpContext http, CancellationToken ct) =>
            {
                var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
                if (await http.RefuseAsync(tender, id) is { } refused)
                {
                    return refused;
                }
                var (question, violation) = await desk.AskAsync(id, request, http.User, ct);
                if (question is null)
                {
                    return violation!.ToProblem(http);
                }
                var own = (await desk.OwnAsync(id, question.OrganisationId, ct)).Single(q => q.Id == question.Id);
                return TypedResults.Created($"/api/tenders/{id}/questions", own);
            })
            .WithName("AskQuestion");

        group.MapPut("/questions/{questionId:guid}/answer", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid id, Guid questionId, AnswerQuestionRequest request, TenderFlowDbContext db, QuestionDesk desk, HttpContext http, CancellationToken ct) =>
            {
                var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
                if (await http.RefuseAsync(tender, id, TenderOperations.Manage) is { } refused)
                {
                    return refused;
                }
                var violation = await desk.AnswerAsync(id, questionId, request, http.User.ToActor(), ct);
                return violation is null ? TypedResults.NoContent() : violation.ToProblem(http);
            })
            .WithName("AnswerQuestion");

        group.MapPost("/questions/{questionId:guid}/publish", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid id, Guid questionId, PublishAnswerRequest? request, TenderFlowDbContext db, QuestionDesk desk, HttpContext http, CancellationToken ct) =>
            {
                var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
                if (await http.RefuseAsync(tender, id, TenderOperations.Manage) is { } refused)
                {
                    return refused;
                }
                var violation = await desk.PublishAsync(id, questionId, request?.AnswerSha256, http.User.ToActor(), ct);
                return violation is null ? TypedResults.NoContent() : violation.ToProblem(http);
            })
            .WithName("PublishAnswer");

        group.MapGet("/answers", async Task<Results<Ok<IReadOnlyList<PublishedAnswerView>>, ProblemHttpResult>> (
                Guid id, TenderFlowDbContext db, QuestionDesk desk, HttpContext http, CancellationToken ct) =>
            {
                var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
                return await http.RefuseAsync(tender, id) ?? (Results<Ok<IReadOnlyList<PublishedAnswerView>>, ProblemHttpResult>)TypedResults.Ok(await desk.PublishedAsync(id, ct));
            })
            .WithName("ListPublishedAnswers");

        group.MapGet("/nvi", async Task<Results<Ok<IReadOnlyList<InformationNoteView>>, ProblemHttpResult>> (
                Guid id, TenderFlowDbContext db, InformationNotes notes, HttpContext http, CancellationToken ct) =>
            {
                var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
                return await http.RefuseAsync(tender, id) ?? (Results<Ok<IReadOnlyList<InformationNoteView>>, ProblemHttpResult>)TypedResults.Ok(await notes.ListAsync(id, ct));
            })
            .WithName("ListInformationNotes");

        group.MapPost("/nvi", async Task<Results<Created<InformationNoteView>, ProblemHttpResult>> (
                Guid id, TenderFlowDbContext db, InformationNotes notes, HttpContext http, CancellationToken ct) =>
            {
                var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
                if (await http.RefuseAsync(tender, id, TenderOperations.Manage) is { } refused)
                {
                    return refused;
                }
                var (note, violation) = await notes.CompileAsync(id, http.User.ToActor(), ct);
                if (note is null)
                {
                    return violation!.ToProblem(http);
                }
                return TypedResults.Created($"/api/documents/{note.DocumentId}",
                    new InformationNoteView(note.Id, note.Number, note.QuestionCount, note.PublishedAtUtc, note.DocumentId, $"/api/documents/{note.DocumentId}"));
            })
            .WithName("PublishInformationNote");
    }
}
