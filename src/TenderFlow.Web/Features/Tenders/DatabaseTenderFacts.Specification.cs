namespace TenderFlow.Web.Features.Tenders;

public sealed partial class DatabaseTenderFacts
{
    // Features/Specification answers this from the versions of the final specification.
    public Task<bool> FinalSpecificationApprovedByLegalAsync(Guid tenderId, CancellationToken cancellationToken) => Task.FromResult(false);
}
