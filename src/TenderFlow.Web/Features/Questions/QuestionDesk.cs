using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Input;
using TenderFlow.Domain.Questions;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Publication;

namespace TenderFlow.Web.Features.Questions;

/// <summary>
/// Questions from candidates and their answers. The asker's identity and original words stay with Procurement and Legal;
/// what is published carries neither (see <see cref="PublishedAnswerView"/>).
/// </summary>
public sealed class QuestionDesk(TenderFlowDbContext db, PublicationStage stage, AuditTrail audit, TimeProvider clock)
{
    public const string QuestionsCapability = "qa.questions";
    public const string AnswersCapability = "qa.answers";
    public const string QuestionsCloseDeadline = "questionsClose";

    /// <summary>
    /// Open while the phase opens <c>qa.questions</c> and the server clock is before <c>questionsClose</c> (a question
    /// arriving exactly at the deadline is late). With no deadline planned, the phase alone decides.
    /// </summary>
    public Task<RuleViolation?> QuestionsClosedAsync(Tender tender, CancellationToken cancellationToken) =>
        QuestionsClosedAsync(tender, clock.GetUtcNow().UtcDateTime, cancellationToken);

    private async Task<RuleViolation?> QuestionsClosedAsync(Tender tender, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var state = await stage.ForAsync(db, tender, cancellationToken);
        if (!state.Open(QuestionsCapability))
        {
            return QuestionRules.QuestionsNotOpen();
        }
        if (tender.Deadline(QuestionsCloseDeadline)?.DueAtUtc is { } close && nowUtc >= close)
        {
            return QuestionRules.DeadlinePassed(close);
        }
        // Without a questions deadline, asking ends with the applications at the latest (a question then would hold their close).
        if (tender.Deadline(Applications.ApplicationSeal.DeadlineKey)?.DueAtUtc is { } applicationsClose && nowUtc >= applicationsClose)
        {
            return QuestionRules.DeadlinePassed(applicationsClose);
        }
        return null;
    }

    public async Task<(Question? Question, RuleViolation? Violation)> AskAsync(Guid tenderId, AskQuestionRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // The moment the question arrived, not the moment the write lock was free (a note being compiled holds it).
        var askedAtUtc = clock.GetUtcNow().UtcDateTime;
        if (!user.IsInRole(Roles.Bidder) || user.OrganisationId() is not { } organisationId)
        {
            return (null, QuestionRules.OnlyCandidates());
        }
        var (text, unreadableText) = EnteredText.Read(request.Text, "text", multiline: true, "De vraag", "The question");
        var (section, unreadableSection) = EnteredText.Read(request.SectionReference, "sectionReference", multiline: false, "De verwijzing", "The reference");
        if ((unreadableText ?? unreadableSection) is { } unreadable)
        {
            return (null, unreadable);
        }
        if (text is null || text.Length > Question.MaxTextLength)
        {
            return (null, QuestionRules.TextRequired());
        }
        if (section?.Length > Question.MaxSectionLength)
        {
            return (null, QuestionRules.SectionTooLong());
        }
        var actor = user.ToActor();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tender = await db.Tenders.Include(t => t.Deadlines).SingleAsync(t => t.Id == tenderId, cancellationToken);
        if (await QuestionsClosedAsync(tender, askedAtUtc, cancellationToken) is { } closed)
        {
            return (null, closed);
        }
        var question = new Question
        {
            Id = Guid.NewGuid(), TenderId = tenderId, OrganisationId = organisationId, AskedByUserId = actor.Id,
            AskedAtUtc = askedAtUtc, OriginalText = text, SectionReference = section,
        };
        db.Questions.Add(question);
        await audit.AppendAsync(db, actor.Id, Roles.Bidder, tenderId,
            [new AuditRecord("question.asked", $"question/{question.Id}", new { organisationId, text, sectionReference = section })], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (question, null);
    }

    /// <summary>Writes or rewrites the draft answer (and the anonymised question text); candidates see nothing until it is published.</summary>
    public async Task<RuleViolation?> AnswerAsync(Guid tenderId, Guid questionId, AnswerQuestionRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var (answer, unreadableAnswer) = EnteredText.Read(request.Answer, "answer", multiline: true, "Het antwoord", "The answer");
        var (publishedText, unreadablePublished) = EnteredText.Read(request.PublishedText, "publishedText", multiline: true, "De gepubliceerde vraag", "The published question");
        if ((unreadableAnswer ?? unreadablePublished) is { } unreadable)
        {
            return unreadable;
        }
        if (answer is null || answer.Length > Question.MaxAnswerLength)
        {
            return QuestionRules.AnswerRequired();
        }
        if (publishedText?.Length > Question.MaxTextLength)
        {
            return QuestionRules.PublishedTextInvalid();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (question, refused) = await LoadForAnswerAsync(tenderId, questionId, cancellationToken);
        if (question is null)
        {
            return refused;
        }
        question.Answer = answer;
        // Left out, the text stays as it was: a colleague correcting only the answer must not undo the anonymisation.
        question.PublishedText = publishedText
            ?? (request.PublishedText is null ? question.PublishedText ?? question.DefaultPublishedText : question.DefaultPublishedText);
        question.AnsweredByUserId = actor.Id;
        question.AnsweredAtUtc = clock.GetUtcNow().UtcDateTime;
        await audit.AppendAsync(db, actor.Id, Roles.Procurement, tenderId,
            [new AuditRecord("question.answered", $"question/{question.Id}", new
            {
                answer, publishedText = question.PublishedText, rephrased = question.PublishedText != question.OriginalText,
            })], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>SHA-256 of the draft as candidates would read it (the published question text and the answer); null before an answer.</summary>
    public static string? AnswerVersion(Question q) => q.Answer is null ? null
        : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            System.Text.Json.JsonSerializer.Serialize(new[] { q.PublishedText, q.Answer }))));

    /// <summary>
    /// Makes question (as rephrased) and answer visible to every candidate; from then on it cannot change. Only the draft
    /// the publisher read (<paramref name="answerSha256"/>): a colleague's later rewrite is refused, not published unseen.
    /// </summary>
    public async Task<RuleViolation?> PublishAsync(Guid tenderId, Guid questionId, string? answerSha256, Actor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (question, refused) = await LoadForAnswerAsync(tenderId, questionId, cancellationToken);
        if (question is null)
        {
            return refused;
        }
        if (question.Answer is null)
        {
            return QuestionRules.NotAnswered();
        }
        if (string.IsNullOrEmpty(answerSha256))
        {
            return QuestionRules.AnswerVersionRequired();
        }
        if (!string.Equals(answerSha256, AnswerVersion(question), StringComparison.OrdinalIgnoreCase))
        {
            return QuestionRules.AnswerChanged();
        }
        question.PublishedAtUtc = clock.GetUtcNow().UtcDateTime;
        question.PublishedByUserId = actor.Id;
        await audit.AppendAsync(db, actor.Id, Roles.Procurement, tenderId,
            [new AuditRecord("question.published", $"question/{question.Id}", new { publishedText = question.PublishedText, answer = question.Answer })], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private async Task<(Question? Question, RuleViolation? Violation)> LoadForAnswerAsync(Guid tenderId, Guid questionId, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.SingleAsync(t => t.Id == tenderId, cancellationToken);
        if (!(await stage.ForAsync(db, tender, cancellationToken)).Open(AnswersCapability))
        {
            return (null, QuestionRules.AnswersNotOpen());
        }
        var question = await db.Questions.SingleOrDefaultAsync(q => q.Id == questionId && q.TenderId == tenderId, cancellationToken);
        if (question is null)
        {
            return (null, QuestionRules.NotFound(questionId));
        }
        return question.PublishedAtUtc is not null ? (null, QuestionRules.AlreadyPublished()) : (question, null);
    }

    /// <summary>
    /// Who reads the questions as asked, with the asking organisation and person: Procurement, who answers them, and Legal.
    /// Not Admin: running the platform is no reason to learn which bidder asked what.
    /// </summary>
    public static bool MayReadAskers(ClaimsPrincipal user) => user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal);

    /// <summary>Every question with its asker: for <see cref="MayReadAskers"/> only (the callers check).</summary>
    public async Task<IReadOnlyList<QuestionCaseView>> CasesAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        var notes = await NoteNumbersAsync(tenderId, cancellationToken);
        var rows = await (from q in db.Questions.AsNoTracking()
                          where q.TenderId == tenderId
                          join o in db.Organisations on q.OrganisationId equals o.Id
                          join u in db.Users on q.AskedByUserId equals u.Id into asked
                          from u in asked.DefaultIfEmpty()
                          select new { q, OrganisationName = o.Name, UserName = u == null ? q.AskedByUserId : u.DisplayName })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.q.AskedAtUtc).Select(r => new QuestionCaseView(r.q.Id, r.OrganisationName, r.UserName, r.q.AskedAtUtc, r.q.OriginalText,
            r.q.SectionReference, r.q.PublishedText, r.q.Answer, r.q.Status, r.q.AnsweredAtUtc, r.q.PublishedAtUtc, Note(notes, r.q), r.q.NumberInNote,
            AnswerVersion(r.q))).ToList();
    }

    /// <summary>The questions of the caller's organisation (a colleague's question is the organisation's question).</summary>
    public async Task<IReadOnlyList<OwnQuestionView>> OwnAsync(Guid tenderId, Guid organisationId, CancellationToken cancellationToken)
    {
        var notes = await NoteNumbersAsync(tenderId, cancellationToken);
        var questions = await db.Questions.AsNoTracking().Where(q => q.TenderId == tenderId && q.OrganisationId == organisationId).ToListAsync(cancellationToken);
        return questions.OrderBy(q => q.AskedAtUtc).Select(q =>
        {
            var published = q.PublishedAtUtc is not null;
            return new OwnQuestionView(q.Id, q.AskedAtUtc, q.OriginalText, q.SectionReference, q.Status,
                published ? q.PublishedText : null, published ? q.Answer : null, q.PublishedAtUtc, Note(notes, q), q.NumberInNote);
        }).ToList();
    }

    /// <summary>Published questions and answers, anonymous, in note order and then by publication.</summary>
    public async Task<IReadOnlyList<PublishedAnswerView>> PublishedAsync(Guid tenderId, CancellationToken cancellationToken)
    {
        var notes = await NoteNumbersAsync(tenderId, cancellationToken);
        var questions = await db.Questions.AsNoTracking().Where(q => q.TenderId == tenderId && q.PublishedAtUtc != null).ToListAsync(cancellationToken);
        return questions
            .OrderBy(q => Note(notes, q) ?? int.MaxValue).ThenBy(q => q.NumberInNote).ThenBy(q => q.PublishedAtUtc)
            .Select(q => new PublishedAnswerView(q.Id, q.PublishedText!, q.Answer!, q.PublishedAtUtc!.Value, Note(notes, q), q.NumberInNote))
            .ToList();
    }

    private async Task<Dictionary<Guid, int>> NoteNumbersAsync(Guid tenderId, CancellationToken cancellationToken) =>
        await db.InformationNotes.AsNoTracking().Where(n => n.TenderId == tenderId).ToDictionaryAsync(n => n.Id, n => n.Number, cancellationToken);

    private static int? Note(Dictionary<Guid, int> notes, Question q) =>
        q.InformationNoteId is { } id && notes.TryGetValue(id, out var number) ? number : null;
}
