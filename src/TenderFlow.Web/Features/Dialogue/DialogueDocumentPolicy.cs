using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Dialogue;
using TenderFlow.Domain.Documents;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Documents;

namespace TenderFlow.Web.Features.Dialogue;

/// <summary>Dialogue documents and minutes are read by exactly those who see their theme; every read is audited.</summary>
public sealed class DialogueDocumentPolicy : IDocumentReadPolicy
{
    public string KindPrefix => "dialogue.";

    public async Task<DocumentAccess> DecideAsync(DocumentRecord document, ClaimsPrincipal user, TenderFlowDbContext db, CancellationToken cancellationToken)
    {
        var themeId = document.Kind switch
        {
            DialogueThemeDocuments.Kind => DialogueThemeDocuments.ThemeIdFromOwner(document.Owner),
            DialogueThemeDocuments.MinutesKind when DialogueMeeting.MeetingIdFromOwner(document.Owner) is { } meetingId =>
                await db.DialogueMeetings.AsNoTracking().Where(m => m.Id == meetingId && m.TenderId == document.TenderId)
                    .Select(m => (Guid?)m.ThemeId).SingleOrDefaultAsync(cancellationToken),
            _ => null,
        };
        if (themeId is null || !await db.DialogueThemes.AnyAsync(t => t.Id == themeId && t.TenderId == document.TenderId, cancellationToken))
        {
            return DocumentAccess.Denied;
        }
        var viewer = await DialogueAccess.ForAsync(db, document.TenderId, user, cancellationToken);
        return viewer.Sees(themeId.Value) ? DocumentAccess.AllowedAndAudited : DocumentAccess.Denied;
    }
}
