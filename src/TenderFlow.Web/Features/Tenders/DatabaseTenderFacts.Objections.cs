namespace TenderFlow.Web.Features.Tenders;

public sealed partial class DatabaseTenderFacts
{
    // Features/Objections answers this from its objection records.
    public Task<int> OpenObjectionCountAsync(Guid tenderId, CancellationToken cancellationToken) => Task.FromResult(0);
}
