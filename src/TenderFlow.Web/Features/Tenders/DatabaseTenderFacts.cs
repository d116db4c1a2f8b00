using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Tenders;

namespace TenderFlow.Web.Features.Tenders;

/// <summary>
/// Answers the guards' questions about records outside the tender aggregate. Each phase feature answers its own
/// question in its own part of this class (DatabaseTenderFacts.&lt;Feature&gt;.cs), from its own tables.
/// </summary>
public sealed partial class DatabaseTenderFacts(Data.TenderFlowDbContext db) : ITenderFacts
{
    // One selection row per tender (Features/Evaluation): 0 until Procurement selects, then exactly 1.
    public Task<int> SelectedCandidateCountAsync(Guid tenderId, CancellationToken cancellationToken) =>
        db.CandidateSelections.CountAsync(s => s.TenderId == tenderId, cancellationToken);
}
