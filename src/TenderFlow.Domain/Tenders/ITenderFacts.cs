namespace TenderFlow.Domain.Tenders;

/// <summary>
/// Facts about a tender that live outside the tender aggregate (applications, objections, assessments…).
/// The host answers them from its database; guards stay free of persistence.
/// </summary>
public interface ITenderFacts
{
    Task<int> SelectedCandidateCountAsync(Guid tenderId, CancellationToken cancellationToken);
    Task<int> OpenObjectionCountAsync(Guid tenderId, CancellationToken cancellationToken);
    /// <summary>When the latest version of the final specification was written, if Legal approved it; null when it is not approved.</summary>
    Task<DateTime?> ApprovedSpecificationWrittenAtUtcAsync(Guid tenderId, CancellationToken cancellationToken);
    Task<QualityVerdict> TenderQualityVerdictAsync(Guid tenderId, CancellationToken cancellationToken);
    Task<bool> ContractRecordedAsync(Guid tenderId, CancellationToken cancellationToken);
    /// <summary>Questions asked in the tender whose answer is not yet in a published nota van inlichtingen.</summary>
    Task<int> QuestionsNotInANoteCountAsync(Guid tenderId, CancellationToken cancellationToken);
}

public enum QualityVerdict
{
    NotAssessed,
    Sufficient,
    Insufficient,
}
