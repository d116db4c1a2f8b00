using System.Security.Claims;
using TenderFlow.Domain.Documents;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Documents;

namespace TenderFlow.Web.Features.Evaluation;

/// <summary>
/// A selection decision letter is read by the addressed candidate's organisations (lead and consortium members),
/// Procurement and Legal; never by another bidder. Every read is audited.
/// </summary>
public sealed class SelectionLetterReadPolicy : IDocumentReadPolicy
{
    public string KindPrefix => "evaluation.";

    public async Task<DocumentAccess> DecideAsync(DocumentRecord document, ClaimsPrincipal user, TenderFlowDbContext db, CancellationToken cancellationToken)
    {
        if (document.Kind != SelectionDecisions.LetterKind || !document.Owner.StartsWith("application/", StringComparison.Ordinal)
            || !Guid.TryParse(document.Owner["application/".Length..], out var applicationId))
        {
            return DocumentAccess.Denied;
        }
        return await SelectionDecisions.MayReadLetterAsync(db, applicationId, user, cancellationToken) ? DocumentAccess.AllowedAndAudited : DocumentAccess.Denied;
    }
}
