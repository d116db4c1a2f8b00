using System.Security.Claims;
using TenderFlow.Domain.Documents;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Award.Objections;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Participation;
using TenderFlow.Domain.Workflow;

namespace TenderFlow.Web.Features.Award;

/// <summary>
/// Award letters: the participant's organisations, Procurement and Legal. Objection documents and outcome letters: the
/// objecting application's organisations, Procurement and Legal — never another bidder. Every read is audited.
/// </summary>
public sealed class AwardReadPolicy : IDocumentReadPolicy
{
    public string KindPrefix => "award.";

    public async Task<DocumentAccess> DecideAsync(DocumentRecord document, ClaimsPrincipal user, TenderFlowDbContext db, CancellationToken ct)
    {
        var allowed = document.Kind switch
        {
            AwardNames.LetterKind => user.IsInRole(Roles.Procurement) || user.IsInRole(Roles.Legal)
                || await SelectedParticipant.IsParticipantAsync(db, document.TenderId, user, ct),
            AwardNames.ObjectionDocumentKind or AwardNames.ObjectionOutcomeKind =>
                document.Owner.StartsWith("objection/", StringComparison.Ordinal) && Guid.TryParse(document.Owner["objection/".Length..], out var objectionId)
                && await ObjectionService.MayReadAsync(db, objectionId, user, ct),
            _ => false,
        };
        return allowed ? DocumentAccess.AllowedAndAudited : DocumentAccess.Denied;
    }
}
