namespace TenderFlow.Web.Features.Tenders;

public sealed partial class DatabaseTenderFacts
{
    // Features/Contract answers this from the contract record.
    public Task<bool> ContractRecordedAsync(Guid tenderId, CancellationToken cancellationToken) => Task.FromResult(false);
}
