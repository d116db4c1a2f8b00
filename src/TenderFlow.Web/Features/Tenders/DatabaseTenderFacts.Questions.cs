using Microsoft.EntityFrameworkCore;

namespace TenderFlow.Web.Features.Tenders;

public sealed partial class DatabaseTenderFacts
{
    // Features/Questions: a question is settled once its published answer is in a nota van inlichtingen.
    public Task<int> QuestionsNotInANoteCountAsync(Guid tenderId, CancellationToken cancellationToken) =>
        db.Questions.CountAsync(q => q.TenderId == tenderId && q.InformationNoteId == null, cancellationToken);
}
