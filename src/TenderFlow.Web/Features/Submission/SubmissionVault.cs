using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Submission;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Participation;
using TenderFlow.Web.Features.Sealing;

namespace TenderFlow.Web.Features.Submission;

/// <summary>
/// The submission vault: the participant's tender if it stands submitted, with the current version of each document and
/// the answers form as one more line (its canonical SHA-256), so the proces-verbaal fixes the form too.
/// </summary>
public sealed class SubmissionVault : ISealedVault
{
    public const string AnswersKind = "submission.answers";

    public string Name => SubmissionSeal.Vault;
    public string DeadlineKey => SubmissionSeal.DeadlineKey;
    public string Capability => SubmissionSeal.OpeningCapability;
    public string OwnerPrefix => "submission/";

    public async Task<IReadOnlyList<SealedEntry>> ContentsAsync(TenderFlowDbContext db, Guid tenderId, CancellationToken cancellationToken)
    {
        var submission = await db.TenderSubmissions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.TenderId == tenderId && s.Status == SubmissionStatus.Submitted, cancellationToken);
        if (submission is null)
        {
            return [];
        }
        var organisations = await SelectedParticipant.OrganisationIdsAsync(db, tenderId, cancellationToken);
        var names = await db.Organisations.AsNoTracking().Where(o => organisations.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var owner = submission.Owner;
        var documents = (await db.Documents.AsNoTracking().Where(d => d.TenderId == tenderId && d.Owner == owner && d.SupersededAtUtc == null)
                .ToListAsync(cancellationToken))
            .OrderBy(d => d.Kind, StringComparer.Ordinal).ThenBy(d => d.UploadedAtUtc)
            .Select(d => new SealedDocument(d.Id, d.FileName, d.Kind, d.SizeBytes, d.Sha256, d.UploadedAtUtc)).ToList();
        var answers = SubmissionAnswers.Of(submission);
        documents.Add(new SealedDocument(Guid.Empty, "formulier (begroting, implementatieplan, gereedheid)", AnswersKind, answers.CanonicalSize,
            submission.AnswersSha256 ?? answers.Sha256(), submission.SubmittedAtUtc!.Value));
        var name = string.Join(", ", organisations.Select(o => names.GetValueOrDefault(o, o.ToString())));
        return [new SealedEntry(submission.Id, name, submission.SubmittedAtUtc!.Value, documents)];
    }
}
