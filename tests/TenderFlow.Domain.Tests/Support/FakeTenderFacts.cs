using TenderFlow.Domain.Tenders;

namespace TenderFlow.Domain.Tests.Support;

/// <summary>Settable answers to the facts guards ask about; defaults make every fact-based guard unmet.</summary>
public sealed class FakeTenderFacts : ITenderFacts
{
    public int SelectedCandidateCount { get; set; }
    public int OpenObjectionCount { get; set; } = 1;
    /// <summary>When the approved latest version was written; null: not approved.</summary>
    public DateTime? ApprovedSpecificationWrittenAtUtc { get; set; }
    public QualityVerdict QualityVerdict { get; set; } = QualityVerdict.NotAssessed;
    public bool ContractRecorded { get; set; }
    public int QuestionsNotInANoteCount { get; set; } = 1;

    public static FakeTenderFacts AllMet(QualityVerdict verdict = QualityVerdict.Sufficient) => new()
    {
        SelectedCandidateCount = 1,
        OpenObjectionCount = 0,
        ApprovedSpecificationWrittenAtUtc = DateTime.MaxValue,   // after every theme change
        QualityVerdict = verdict,
        ContractRecorded = true,
        QuestionsNotInANoteCount = 0,
    };

    public Task<int> SelectedCandidateCountAsync(Guid tenderId, CancellationToken cancellationToken) => Task.FromResult(SelectedCandidateCount);
    public Task<int> OpenObjectionCountAsync(Guid tenderId, CancellationToken cancellationToken) => Task.FromResult(OpenObjectionCount);
    public Task<DateTime?> ApprovedSpecificationWrittenAtUtcAsync(Guid tenderId, CancellationToken cancellationToken) => Task.FromResult(ApprovedSpecificationWrittenAtUtc);
    public Task<QualityVerdict> TenderQualityVerdictAsync(Guid tenderId, CancellationToken cancellationToken) => Task.FromResult(QualityVerdict);
    public Task<bool> ContractRecordedAsync(Guid tenderId, CancellationToken cancellationToken) => Task.FromResult(ContractRecorded);
    public Task<int> QuestionsNotInANoteCountAsync(Guid tenderId, CancellationToken cancellationToken) => Task.FromResult(QuestionsNotInANoteCount);
}
