using TenderFlow.Domain.Tenders;

namespace TenderFlow.Domain.Workflow.Guards;

/// <summary>
/// Every question asked is answered in a published nota van inlichtingen: candidates apply with the same answers in hand
/// (equal treatment), so applications do not close while a question waits.
/// </summary>
public sealed class AllQuestionsInANoteGuard : IGuard
{
    public string Name => "qa.allAnsweredInANote";
    public GuardArgument Argument => GuardArgument.None;

    public async Task<GuardOutcome> EvaluateAsync(GuardContext context, CancellationToken cancellationToken)
    {
        var waiting = await context.Facts.QuestionsNotInANoteCountAsync(context.Tender.Id, cancellationToken);
        return waiting == 0
            ? GuardOutcome.Yes("Elke vraag is beantwoord in een gepubliceerde nota van inlichtingen.", "Every question is answered in a published nota van inlichtingen.")
            : GuardOutcome.No(
                $"{waiting} vraag of vragen zijn nog niet beantwoord in een gepubliceerde nota van inlichtingen.",
                $"{waiting} question(s) are not yet answered in a published nota van inlichtingen.");
    }
}

/// <summary>Exactly one candidate (single organisation or consortium) has been selected.</summary>
public sealed class ExactlyOneCandidateSelectedGuard : IGuard
{
    public string Name => "selection.exactlyOneCandidateSelected";
    public GuardArgument Argument => GuardArgument.None;

    public async Task<GuardOutcome> EvaluateAsync(GuardContext context, CancellationToken cancellationToken)
    {
        var count = await context.Facts.SelectedCandidateCountAsync(context.Tender.Id, cancellationToken);
        return count == 1
            ? GuardOutcome.Yes("Er is precies één kandidaat geselecteerd.", "Exactly one candidate has been selected.")
            : GuardOutcome.No(
                $"Er moet precies één kandidaat geselecteerd zijn; nu zijn het er {count}.",
                $"Exactly one candidate must be selected; there are {count} now.");
    }
}

/// <summary>No objection against the current decision is still open.</summary>
public sealed class NoOpenObjectionsGuard : IGuard
{
    public string Name => "objections.noneOpen";
    public GuardArgument Argument => GuardArgument.None;

    public async Task<GuardOutcome> EvaluateAsync(GuardContext context, CancellationToken cancellationToken)
    {
        var open = await context.Facts.OpenObjectionCountAsync(context.Tender.Id, cancellationToken);
        return open == 0
            ? GuardOutcome.Yes("Er staan geen bezwaren open.", "No objections are open.")
            : GuardOutcome.No($"Er staan nog {open} bezwaren open.", $"{open} objection(s) are still open.");
    }
}

/// <summary>Every dialogue theme is closed, or waived with a reason.</summary>
public sealed class AllThemesSettledGuard : IGuard
{
    public string Name => "dialogue.allThemesSettled";
    public GuardArgument Argument => GuardArgument.None;

    public Task<GuardOutcome> EvaluateAsync(GuardContext context, CancellationToken cancellationToken)
    {
        var themes = context.Tender.Themes;
        var unsettled = themes
            .Where(t => t.Status != DialogueThemeStatus.Closed && !(t.Status == DialogueThemeStatus.Waived && !string.IsNullOrWhiteSpace(t.WaiverReason)))
            .ToList();
        if (themes.Count == 0)
        {
            return Task.FromResult(GuardOutcome.No("De dialoog heeft nog geen thema's.", "The dialogue has no themes yet."));
        }
        return Task.FromResult(unsettled.Count == 0
            ? GuardOutcome.Yes("Alle thema's zijn afgerond of gemotiveerd vervallen.", "Every theme is closed or waived with a reason.")
            : GuardOutcome.No(
                $"Nog niet afgerond: {string.Join(", ", unsettled.Select(t => t.TitleNl))}.",
                $"Not settled yet: {string.Join(", ", unsettled.Select(t => t.TitleEn))}."));
    }
}

/// <summary>
/// Legal has approved the latest version of the final specification, and no dialogue theme was added, agreed, closed or
/// waived after that version was written (the dialogue can still change in the specification phase, or again after
/// <c>reopenDialogue</c>): an approval binds the outcomes it was written on, not later ones.
/// </summary>
public sealed class SpecificationApprovedByLegalGuard : IGuard
{
    public string Name => "specification.approvedByLegal";
    public GuardArgument Argument => GuardArgument.None;

    public async Task<GuardOutcome> EvaluateAsync(GuardContext context, CancellationToken cancellationToken)
    {
        if (await context.Facts.ApprovedSpecificationWrittenAtUtcAsync(context.Tender.Id, cancellationToken) is not { } writtenAt)
        {
            return GuardOutcome.No("Juridische zaken heeft de laatste versie van de opdrachtomschrijving nog niet goedgekeurd.", "Legal has not approved the latest version of the final specification.");
        }
        var changed = context.Tender.Themes.Where(t => t.ChangedAfter(writtenAt)).OrderBy(t => t.Key).ToList();
        return changed.Count == 0
            ? GuardOutcome.Yes("Juridische zaken heeft de definitieve opdrachtomschrijving goedgekeurd.", "Legal has approved the final specification.")
            : GuardOutcome.No(
                $"Na de goedgekeurde versie van de opdrachtomschrijving zijn deze dialoogthema's gewijzigd: {string.Join(", ", changed.Select(t => t.TitleNl))}. Sla een nieuwe versie op en laat die goedkeuren.",
                $"These dialogue themes changed after the approved version of the final specification was written: {string.Join(", ", changed.Select(t => t.TitleEn))}. Save a new version and have it approved.");
    }
}

/// <summary>The evaluators judged the tender's quality sufficient.</summary>
public sealed class QualitySufficientGuard : IGuard
{
    public string Name => "assessment.qualitySufficient";
    public GuardArgument Argument => GuardArgument.None;

    public async Task<GuardOutcome> EvaluateAsync(GuardContext context, CancellationToken cancellationToken) =>
        await context.Facts.TenderQualityVerdictAsync(context.Tender.Id, cancellationToken) switch
        {
            QualityVerdict.Sufficient => GuardOutcome.Yes("De kwaliteit van de inschrijving is voldoende.", "The tender's quality is sufficient."),
            QualityVerdict.Insufficient => GuardOutcome.No("De kwaliteit van de inschrijving is onvoldoende beoordeeld.", "The tender's quality was judged insufficient."),
            QualityVerdict.NotAssessed => GuardOutcome.No("De inschrijving is nog niet (volledig) beoordeeld.", "The tender has not been fully assessed yet."),
        };
}

/// <summary>The evaluators judged the tender's quality insufficient.</summary>
public sealed class QualityInsufficientGuard : IGuard
{
    public string Name => "assessment.qualityInsufficient";
    public GuardArgument Argument => GuardArgument.None;

    public async Task<GuardOutcome> EvaluateAsync(GuardContext context, CancellationToken cancellationToken) =>
        await context.Facts.TenderQualityVerdictAsync(context.Tender.Id, cancellationToken) switch
        {
            QualityVerdict.Insufficient => GuardOutcome.Yes("De kwaliteit van de inschrijving is onvoldoende beoordeeld.", "The tender's quality was judged insufficient."),
            QualityVerdict.Sufficient => GuardOutcome.No("De kwaliteit van de inschrijving is voldoende beoordeeld.", "The tender's quality was judged sufficient."),
            QualityVerdict.NotAssessed => GuardOutcome.No("De inschrijving is nog niet (volledig) beoordeeld.", "The tender has not been fully assessed yet."),
        };
}

/// <summary>The contract record (start date, term, extension options) has been entered.</summary>
public sealed class ContractRecordedGuard : IGuard
{
    public string Name => "contract.recorded";
    public GuardArgument Argument => GuardArgument.None;

    public async Task<GuardOutcome> EvaluateAsync(GuardContext context, CancellationToken cancellationToken) =>
        await context.Facts.ContractRecordedAsync(context.Tender.Id, cancellationToken)
            ? GuardOutcome.Yes("Het contract is vastgelegd.", "The contract has been recorded.")
            : GuardOutcome.No("Het contract (startdatum, looptijd, verlengingsopties) is nog niet vastgelegd.", "The contract (start date, term, extension options) has not been recorded yet.");
}
