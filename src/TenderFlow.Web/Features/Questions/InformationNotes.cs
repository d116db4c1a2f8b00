using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Questions;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Deadlines;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Documents.Pdf;
using TenderFlow.Web.Features.Notifications;
using TenderFlow.Web.Features.Publication;

namespace TenderFlow.Web.Features.Questions;

/// <summary>
/// Compiles the published answers not yet in a note into the next nota van inlichtingen (PDF), numbered per tender
/// without gaps, and tells every organisation concerned. All in one transaction.
/// </summary>
public sealed class InformationNotes(TenderFlowDbContext db, PublicationStage stage, DocumentIntake intake, AuditTrail audit, Notifier notifier, TimeProvider clock)
{
    public const string NoteCapability = "qa.nvi";
    public const string PublishedKind = "qa.nvi.published";

    public async Task<(InformationNote? Note, RuleViolation? Violation)> CompileAsync(Guid tenderId, Actor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tender = await db.Tenders.SingleAsync(t => t.Id == tenderId, cancellationToken);
        if (!(await stage.ForAsync(db, tender, cancellationToken)).Open(NoteCapability))
        {
            return (null, QuestionRules.NoteNotOpen());
        }
        var questions = await db.Questions.Where(q => q.TenderId == tenderId && q.PublishedAtUtc != null && q.InformationNoteId == null).ToListAsync(cancellationToken);
        if (questions.Count == 0)
        {
            return (null, QuestionRules.NothingToCompile());
        }
        questions = questions.OrderBy(q => q.PublishedAtUtc).ThenBy(q => q.AskedAtUtc).ThenBy(q => q.Id).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var number = (await db.InformationNotes.Where(n => n.TenderId == tenderId).MaxAsync(n => (int?)n.Number, cancellationToken) ?? 0) + 1;
        var note = new InformationNote
        {
            Id = Guid.NewGuid(), TenderId = tenderId, Number = number, QuestionCount = questions.Count, PublishedAtUtc = now, PublishedByUserId = actor.Id,
        };
        for (var i = 0; i < questions.Count; i++)
        {
            questions[i].InformationNoteId = note.Id;
            questions[i].NumberInNote = i + 1;
        }

        var report = Report(tender, number, questions, now);
        using var pdf = new MemoryStream(PdfRenderer.Render(report, now));
        var (record, uploaded) = await intake.RecordGeneratedAsync(db, pdf, $"nota-van-inlichtingen-{number}-{tender.Reference}.pdf", DocumentFormat.Pdf,
            new DocumentTarget(tenderId, note.Owner, InformationNote.DocumentKind, null), actor.Id, cancellationToken);
        note.DocumentId = record.Id;
        db.InformationNotes.Add(note);

        var candidates = await TenderAudience.OrganisationsAsync(db, tenderId, cancellationToken);
        await notifier.NotifyOrganisationsAsync(db, candidates, tenderId, PublishedKind,
            new($"Nota van inlichtingen {number} voor {tender.Title} is gepubliceerd ({questions.Count} vragen).",
                $"Nota van inlichtingen (Q&A) {number} for {tender.Title} has been published ({questions.Count} questions)."),
            $"/tenders/{tenderId}/vragen", cancellationToken);

        await audit.AppendAsync(db, actor.Id, Roles.Procurement, tenderId,
        [
            uploaded,
            new AuditRecord("nvi.published", $"nvi/{note.Id}", new
            {
                number, documentId = record.Id, sha256 = record.Sha256,
                // No count of the organisations told: it includes those that applied, which staff may not learn before the opening.
                questions = questions.Select(q => new { id = q.Id, numberInNote = q.NumberInNote }),
            }),
        ], cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return (null, QuestionRules.ConcurrentNote());
        }
        await transaction.CommitAsync(cancellationToken);
        return (note, null);
    }

    public async Task<IReadOnlyList<InformationNoteView>> ListAsync(Guid tenderId, CancellationToken cancellationToken) =>
        (await db.InformationNotes.AsNoTracking().Where(n => n.TenderId == tenderId).ToListAsync(cancellationToken))
            .OrderBy(n => n.Number)
            .Select(n => new InformationNoteView(n.Id, n.Number, n.QuestionCount, n.PublishedAtUtc, n.DocumentId, $"/api/documents/{n.DocumentId}"))
            .ToList();

    /// <summary>The note's content: only the published (possibly rephrased) question, its section and the answer — never the asker.</summary>
    public static PdfReport Report(Tender tender, int number, IReadOnlyList<Question> questions, DateTime nowUtc)
    {
        var blocks = new List<PdfBlock>
        {
            new PdfFacts(
            [
                new("Aanbesteding", tender.Title),
                new("Kenmerk", tender.Reference),
                new("Nota van inlichtingen", number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new("Gepubliceerd", AmsterdamTime.Format(nowUtc) + " (Europe/Amsterdam)"),
                new("Aantal vragen", questions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ]),
            new PdfParagraph("Deze nota van inlichtingen maakt deel uit van de aanbestedingsstukken. Vragen zijn geanonimiseerd; "
                + "bij strijdigheid gaat de meest recente nota van inlichtingen voor."),
        };
        foreach (var q in questions)
        {
            blocks.Add(new PdfHeading($"Vraag {number}.{q.NumberInNote}"));
            blocks.Add(new PdfParagraph(q.PublishedText ?? q.DefaultPublishedText));
            blocks.Add(new PdfParagraph("Antwoord: " + q.Answer));
        }
        return new PdfReport($"Nota van inlichtingen {number} — {tender.Title}", $"{tender.Reference} · Nota van inlichtingen {number}", blocks);
    }
}
