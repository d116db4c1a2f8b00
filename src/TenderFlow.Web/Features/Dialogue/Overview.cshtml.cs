using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TenderFlow.Domain.Tenders;

namespace TenderFlow.Web.Features.Dialogue;

/// <summary>The dialogue's theme overview; the participant and Procurement add themes here.</summary>
public sealed class OverviewModel(DialogueGate gate, DialogueQueries queries, DialogueThemes themes) : PageModel
{
    public Tender Tender { get; private set; } = null!;
    public IReadOnlyList<ThemeSummaryView> Themes { get; private set; } = [];
    public DialogueViewer Viewer { get; private set; } = DialogueViewer.Outsider;
    public bool MayAddTheme { get; private set; }
    public string? Error { get; private set; }

    /// <summary>The field the refusal is about, so that field can point to the message.</summary>
    public string? ErrorField { get; private set; }

    public Shared.FieldError ErrorOf(string field) => Shared.FieldError.For(ErrorField, field);

    [BindProperty]
    public string? TitleNl { get; set; }

    [BindProperty]
    public string? TitleEn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAddThemeAsync(Guid id, CancellationToken cancellationToken)
    {
        var (theme, violation) = await themes.AddAsync(id, new AddThemeRequest(TitleNl, TitleEn), User, cancellationToken);
        if (theme is not null)
        {
            TempData["Message"] = PortalText.Get("The theme has been added.");
            return Redirect(DialoguePaths.Theme(id, theme.Id));
        }
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        Error = PortalText.For(violation!.Message);
        ErrorField = violation.Field;
        Response.StatusCode = violation.Kind == Domain.Workflow.Runtime.RuleKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var (tender, viewer, refused) = await gate.EnterAsync(id, User, cancellationToken);
        if (refused is not null)
        {
            return DialoguePage.Refuse(this, id, refused);
        }
        var (list, _, _) = await queries.ThemesAsync(id, User, cancellationToken);
        Tender = tender!;
        Viewer = viewer;
        Themes = list!;
        MayAddTheme = viewer.IsParty && await gate.IsOpenAsync(tender!, DialogueGate.Themes, cancellationToken);
        return null;
    }
}
