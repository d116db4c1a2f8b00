using Microsoft.EntityFrameworkCore;

namespace TenderFlow.Web.Features.Tenders;

public sealed partial class DatabaseTenderFacts
{
    // Features/Award/Contract keeps one contract record per tender.
    public Task<bool> ContractRecordedAsync(Guid tenderId, CancellationToken cancellationToken) =>
        db.ContractRecords.AnyAsync(c => c.TenderId == tenderId, cancellationToken);
}
