using TenderFlow.Domain.Tenders;

namespace TenderFlow.Domain.Tests.Support;

/// <summary>Settable answers to the facts guards ask about; defaults make every fact-based guard unmet.</summary>
public sealed class FakeTenderFacts : ITenderFacts
{
    public int SelectedCandidateCount { get; set; }
    public int OpenObjectionCount { get; set; } = 1;
    public bool FinalSpecificationApprovedByLegal { get; set; }
    public QualityVerdict QualityVerdict { get; set; } = QualityVerdict.NotAssessed;
    public bool ContractRecorded { get; set; }

    public static FakeTenderFacts AllMet(QualityVerdict verdict = QualityVerdict.Sufficient) => new()
    {
        SelectedCandidateCount = 1,
        OpenObjectionCount = 0,
        FinalSpecificationApprovedByLegal = true,
        QualityVerdict = verdict,
        ContractRecorded = true,
    };

    public Task<int> SelectedCandidateCountAsync(Guid tenderId, CancellationToken cancellationToken) => Task.FromResult(SelectedCandidateCount);
    public Task<int> OpenObjectionCountAsync(Guid tenderId, CancellationToken cancellationToken) => Task.FromResult(OpenObjectionCount);
    public Task<bool> FinalSpecificationApprovedByLegalAsync(Guid tenderId, CancellationToken cancellationToken) => Task.FromResult(FinalSpecificationApprovedByLegal);
    public Task<QualityVerdict> TenderQualityVerdictAsync(Guid tenderId, CancellationToken cancellationToken) => Task.FromResult(QualityVerdict);
    public Task<bool> ContractRecordedAsync(Guid tenderId, CancellationToken cancellationToken) => Task.FromResult(ContractRecorded);
}
