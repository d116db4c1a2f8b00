using TenderFlow.Domain.Tenders;

namespace TenderFlow.Domain.Workflow.Actions;

/// <summary>Creates the dialogue themes the definition lists, once; themes added later are kept on re-entry.</summary>
public sealed class OpenDialogueThemesAction : IEntryAction
{
    public string Name => "dialogue.openThemes";

    public Task ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var added = new List<string>();
        foreach (var theme in context.Definition.DialogueThemes)
        {
            if (context.Tender.Themes.Any(t => t.Key == theme.Key))
            {
                continue;
            }
            context.Tender.Themes.Add(new DialogueTheme
            {
                Id = Guid.NewGuid(),
                TenderId = context.Tender.Id,
                Key = theme.Key,
                TitleNl = theme.Title.Nl,
                TitleEn = theme.Title.En,
                Status = DialogueThemeStatus.Open,
            });
            added.Add(theme.Key);
        }
        if (added.Count > 0)
        {
            context.Record("dialogue.themes.opened", $"tender/{context.Tender.Id}", new { themes = added });
        }
        return Task.CompletedTask;
    }
}
