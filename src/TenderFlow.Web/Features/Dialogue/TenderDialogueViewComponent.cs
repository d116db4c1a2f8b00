using Microsoft.AspNetCore.Mvc;
using TenderFlow.Domain.Tenders;

namespace TenderFlow.Web.Features.Dialogue;

public sealed record TenderDialogueModel(Guid TenderId, IReadOnlyList<DialogueTheme> Themes, bool DeclarationPending);

/// <summary>The dialogue section of the tender page: the themes one may see and a link into the workspace, for those in the dialogue only.</summary>
public sealed class TenderDialogueViewComponent(DialogueGate gate, Audit.AuditWriter audit) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid tenderId)
    {
        var (tender, viewer, refused) = await gate.EnterAsync(tenderId, HttpContext.User, HttpContext.RequestAborted, declarationPendingAllowed: true);
        if (refused is not null || tender is null || tender.Themes.Count == 0)
        {
            return Content(string.Empty);
        }
        var pending = viewer.IsPartner && !viewer.DeclarationAccepted;
        var themes = pending ? [] : tender.Themes.Where(viewer.Sees).OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        if (themes.Count > 0)
        {
            await DialogueQueries.ThemesReadAsync(audit, tenderId, HttpContext.User, viewer, themes.Select(t => t.Id), HttpContext.RequestAborted);
        }
        return View("~/Features/Dialogue/_TenderDialogue.cshtml", new TenderDialogueModel(tenderId, themes, pending));
    }
}
