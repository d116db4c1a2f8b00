using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Specification;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Specification;

/// <summary>One section row of the edit form; a row with neither heading nor text, or marked for removal, is left out.</summary>
public sealed class SectionForm
{
    public Guid? ThemeId { get; set; }
    public string? Heading { get; set; }
    public string? Text { get; set; }
    public bool Remove { get; set; }
}

/// <summary>
/// The final specification of one tender: the current version with its sections, the history with diffs, and the forms
/// each audience has (Procurement drafts and saves, Legal reviews, the participant acknowledges receipt).
/// </summary>
public sealed class IndexModel(TenderFlowDbContext db, SpecificationAccess access, SpecificationQueries queries, SpecificationDesk desk, DefinitionCatalog catalog) : PageModel
{
    public Tender Tender { get; private set; } = null!;
    public SpecificationAudience Audience { get; private set; }
    public SpecificationView View { get; private set; } = null!;
    public IReadOnlyList<VersionDiff> History { get; private set; } = [];
    public bool MayDraft { get; private set; }
    public bool MayEdit { get; private set; }
    public bool MayReview { get; private set; }
    public bool MayAcknowledge { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }

    /// <summary>Readers who are in the dialogue get a link to each section's theme; others (evaluators) the title only.</summary>
    public bool SeesDialogue { get; private set; }

    [BindProperty] public string? Introduction { get; set; }
    [BindProperty] public List<SectionForm> Sections { get; set; } = [];
    [BindProperty] public int? BasedOnVersion { get; set; }

    public string ThemeTitle(Guid? themeId) => Tender.Themes.FirstOrDefault(t => t.Id == themeId) is { } theme
        ? (PortalCultures.Language == "en" ? theme.TitleEn : theme.TitleNl) : "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostDraftAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => MayWrite, async () => (await desk.DraftAsync(id, User.ToActor(), cancellationToken)).Violation,
            "Version 1 has been drafted from the agreed outcomes.", cancellationToken);

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken)
    {
        // The blank row at the end is the form's "new section"; after a refusal it is that row again, not one more section.
        while (Sections.Count > 0 && Sections[^1] is { ThemeId: null } last && IsBlank(last))
        {
            Sections.RemoveAt(Sections.Count - 1);
        }
        // The rows sent, by their place in the form: a refusal names and marks the row as the person sees it.
        var rows = Enumerable.Range(0, Sections.Count).Where(i => !Sections[i].Remove && !IsBlank(Sections[i])).ToList();
        var request = new SaveSpecificationRequest(Introduction,
            rows.Select(i => new SectionRequest(Sections[i].ThemeId, Sections[i].Heading, Sections[i].Text)).ToList(), BasedOnVersion);
        return ActAsync(id, () => MayWrite, async () => (await desk.SaveAsync(id, request, User.ToActor(), cancellationToken, rows)).Violation,
            "A new version has been saved.", cancellationToken, keepInput: true);
    }

    private static bool IsBlank(SectionForm row) => string.IsNullOrWhiteSpace(row.Heading) && string.IsNullOrWhiteSpace(row.Text);

    public Task<IActionResult> OnPostReviewAsync(Guid id, int version, string? decision, string? comment, CancellationToken cancellationToken) =>
        ActAsync(id, () => User.IsInRole(Roles.Legal), () => desk.ReviewAsync(id, new ReviewRequest(version, decision == "approve", comment), User.ToActor(), cancellationToken),
            decision == "approve" ? "The version has been approved." : "Your request for changes has been sent to Procurement.", cancellationToken);

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid id, int version, CancellationToken cancellationToken) =>
        ActAsync(id, () => Audience == SpecificationAudience.Participant && User.OrganisationId() is not null,
            () => desk.AcknowledgeAsync(id, version, User.OrganisationId()!.Value, User.ToActor(), cancellationToken),
            "Receipt of the approved version has been recorded.", cancellationToken);

    private bool MayWrite => User.IsInRole(Roles.Procurement);

    private async Task<IActionResult> ActAsync(Guid id, Func<bool> allowed, Func<Task<RuleViolation?>> act, string doneKey, CancellationToken cancellationToken, bool keepInput = false)
    {
        if (await LoadAsync(id, cancellationToken, keepInput) is { } refused)
        {
            return refused;
        }
        if (!allowed())
        {
            return Forbid();
        }
        if (await act() is { } violation)
        {
            Error = PortalText.For(violation.Message);
            ErrorField = violation.Field;
            Response.StatusCode = violation.Kind switch
            {
                RuleKind.Invalid => StatusCodes.Status400BadRequest,
                RuleKind.NotFound => StatusCodes.Status404NotFound,
                RuleKind.Forbidden => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status409Conflict,
            };
            await LoadAsync(id, cancellationToken, keepInput);
            return Page();
        }
        TempData["Message"] = PortalText.Get(doneKey);
        return RedirectToPage(new { id });
    }

    /// <summary>Null when the page may be shown; otherwise the refusal (an unreadable tender is not found, a readable one without access forbidden).</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken, bool keepInput = false)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tender is null || !await HttpContext.MayAsync(tender, TenderOperations.Read))
        {
            return NotFound();
        }
        Tender = tender;
        Audience = await access.AudienceAsync(tender, User, cancellationToken);
        if (Audience == SpecificationAudience.None)
        {
            return Forbid();
        }
        View = await queries.ViewAsync(tender, Audience, User.OrganisationId(), User.ToActor(), cancellationToken);
        SeesDialogue = (await Dialogue.DialogueAccess.ForAsync(db, id, User, cancellationToken)).AllThemes;
        var capabilities = (await catalog.ForHashAsync(db, tender.DefinitionHash, cancellationToken)).Phase(tender.Phase).Capabilities;
        var drafting = capabilities.Contains(SpecificationRules.DraftingCapability);
        MayDraft = MayWrite && drafting && View.Latest is null;
        MayEdit = MayWrite && drafting && View.Latest is not null;
        // Not whoever wrote the latest version (four eyes; the desk refuses it too).
        var latestAuthor = await db.SpecificationVersions.AsNoTracking().Where(v => v.TenderId == id).OrderByDescending(v => v.Number)
            .Select(v => v.AuthorUserId).FirstOrDefaultAsync(cancellationToken);
        MayReview = User.IsInRole(Roles.Legal) && capabilities.Contains(SpecificationRules.ReviewCapability) && View.Latest is not null && View.Status != "approved"
            && latestAuthor != User.ToActor().Id;
        MayAcknowledge = Audience == SpecificationAudience.Participant && View.Latest is { } shown
            && !View.Acknowledgements.Any(a => a.Version == shown.Number);
        if (Audience == SpecificationAudience.Staff)
        {
            History = await queries.HistoryAsync(id, User.ToActor(), cancellationToken);
        }
        if (!keepInput && View.Latest is { } latest)
        {
            Introduction = latest.Introduction;
            Sections = latest.Sections.Select(s => new SectionForm { ThemeId = s.ThemeId, Heading = s.Heading, Text = s.Text }).ToList();
            BasedOnVersion = latest.Number;
        }
        return null;
    }
}
