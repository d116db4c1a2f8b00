using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Dialogue;

/// <summary>How the dialogue pages answer a refusal: a partner without the declaration is sent to it; everyone else outside finds nothing (404).</summary>
public static class DialoguePage
{
    public static IActionResult Refuse(PageModel page, Guid tenderId, RuleViolation refused) =>
        refused.Rule == DialogueRules.DeclarationRequired().Rule ? new RedirectResult(DialoguePaths.Declaration(tenderId)) : new NotFoundResult();

    public static string StatusKey(string status) => "Theme " + char.ToUpperInvariant(status[0]) + status[1..];
}
