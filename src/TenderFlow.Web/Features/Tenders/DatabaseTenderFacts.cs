using TenderFlow.Domain.Tenders;

namespace TenderFlow.Web.Features.Tenders;

/// <summary>
/// Answers the guards' questions about records outside the tender aggregate. Selection decisions, objections,
/// the final specification, assessments and the contract record are kept by the phase features
/// (issues 4 and 5); until a feature stores such a record, the honest answer is "none yet".
/// </summary>
public sealed class DatabaseTenderFacts(Data.TenderFlowDbContext db) : ITenderFacts
{
    // One selection row per tender (Features/Evaluation): 0 until Procurement selects, then exactly 1.
    public Task<int> SelectedCandidateCountAsync(Guid tenderId, CancellationToken cancellationToken) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.CandidateSelections, s => s.TenderId == tenderId, cancellationToken);
    public Task<int> OpenObjectionCountAsync(Guid tenderId, CancellationToken cancellationToken) => Task.FromResult(0);
    public Task<bool> FinalSpecificationApprovedByLegalAsync(Guid tenderId, CancellationToken cancellationToken) => Task.FromResult(false);
    public Task<QualityVerdict> TenderQualityVerdictAsync(Guid tenderId, CancellationToken cancellationToken) => Task.FromResult(QualityVerdict.NotAssessed);
    public Task<bool> ContractRecordedAsync(Guid tenderId, CancellationToken cancellationToken) => Task.FromResult(false);
}
