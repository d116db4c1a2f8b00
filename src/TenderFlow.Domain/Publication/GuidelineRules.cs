using TenderFlow.Domain.Input;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Publication;

/// <summary>
/// What makes a selection guideline well-formed (always) and publishable (complete: weights add up to 100).
/// Candidates rely on it, so it is checked here once and frozen when the publication phase starts.
/// </summary>
public static class GuidelineRules
{
    public const int MaxCodeLength = 20;
    public const int MaxItems = 50;
    public const int MaxScale = 1000;
    public const int MaxTextLength = 4000;
    public const int MaxTitleLength = 300;

    /// <summary>The first broken rule of a draft guideline, or null when it may be saved.</summary>
    public static RuleViolation? CheckDraft(GuidelineInput input)
    {
        var requirements = input.Requirements ?? [];
        var criteria = input.Criteria ?? [];
        if (requirements.Count > MaxItems || criteria.Count > MaxItems)
        {
            return Invalid("GuidelineTooLargeRule", $"Een selectieleidraad heeft ten hoogste {MaxItems} eisen en {MaxItems} criteria.",
                $"A selection guideline has at most {MaxItems} requirements and {MaxItems} criteria.", null);
        }
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < requirements.Count; i++)
        {
            var r = requirements[i];
            var field = $"requirements[{i}]";
            if (CheckCode(r.Code, field, codes) is { } bad)
            {
                return bad;
            }
            if (Unreadable(field, ("textNl", r.TextNl, true), ("textEn", r.TextEn, true)) is { } unreadable)
            {
                return unreadable;
            }
            if (Blank(r.TextNl))
            {
                return Invalid("GuidelineTextRequiredRule", $"Eis {r.Code} heeft geen tekst.", $"Requirement {r.Code} has no text.", field + ".textNl");
            }
            if (TooLong(MaxTextLength, r.TextNl, r.TextEn))
            {
                return TextTooLong(r.Code!, field);
            }
        }
        for (var i = 0; i < criteria.Count; i++)
        {
            if (CheckCriterion(criteria[i], $"criteria[{i}]", codes) is { } bad)
            {
                return bad;
            }
        }
        return null;
    }

    /// <summary>The first reason the guideline cannot be published yet, or null when it is complete.</summary>
    public static RuleViolation? CheckPublishable(GuidelineInput input)
    {
        if (CheckDraft(input) is { } bad)
        {
            return bad;
        }
        var criteria = input.Criteria ?? [];
        if ((input.Requirements ?? []).Count == 0 || criteria.Count == 0)
        {
            return new RuleViolation("GuidelineIncompleteRule", RuleKind.Conflict,
                new("Een selectieleidraad heeft ten minste één ervaringseis en één gunningscriterium nodig voordat hij gepubliceerd wordt.",
                    "A selection guideline needs at least one experience requirement and one criterion before it is published."));
        }
        var total = criteria.Sum(c => c.WeightPercent);
        if (total != 100)
        {
            return new RuleViolation("WeightsMustTotal100Rule", RuleKind.Conflict,
                new($"De wegingen van de criteria tellen op tot {total}%, niet tot 100%.", $"The criteria weights add up to {total}%, not 100%."), "criteria");
        }
        return null;
    }

    private static RuleViolation? CheckCriterion(CriterionInput c, string field, HashSet<string> codes)
    {
        if (CheckCode(c.Code, field, codes) is { } bad)
        {
            return bad;
        }
        if (Unreadable(field, ("titleNl", c.TitleNl, false), ("titleEn", c.TitleEn, false), ("descriptionNl", c.DescriptionNl, true), ("descriptionEn", c.DescriptionEn, true))
            is { } unreadable)
        {
            return unreadable;
        }
        if (Blank(c.TitleNl))
        {
            return Invalid("GuidelineTextRequiredRule", $"Criterium {c.Code} heeft geen titel.", $"Criterion {c.Code} has no title.", field + ".titleNl");
        }
        if (TooLong(MaxTitleLength, c.TitleNl, c.TitleEn) || TooLong(MaxTextLength, c.DescriptionNl, c.DescriptionEn)
            || (c.Descriptors ?? []).Any(d => TooLong(MaxTextLength, d.TextNl, d.TextEn)))
        {
            return TextTooLong(c.Code!, field);
        }
        if (c.WeightPercent is < 1 or > 100)
        {
            return Invalid("WeightOutOfRangeRule", $"De weging van {c.Code} moet tussen 1 en 100% liggen.", $"The weight of {c.Code} must be between 1 and 100%.", field + ".weightPercent");
        }
        if (c.ScaleMin < 0 || c.ScaleMax > MaxScale || c.ScaleMin >= c.ScaleMax)
        {
            return Invalid("ScaleRangeRule", $"De schaal van {c.Code} moet van laag naar hoog lopen (minimum kleiner dan maximum, 0 tot {MaxScale}).",
                $"The scale of {c.Code} must run from low to high (minimum below maximum, 0 to {MaxScale}).", field + ".scaleMax");
        }
        if (c.MinimumScore is { } minimum && (minimum < c.ScaleMin || minimum > c.ScaleMax))
        {
            return Invalid("MinimumScoreOutsideScaleRule", $"De minimumscore {minimum} van {c.Code} ligt buiten de schaal {c.ScaleMin}–{c.ScaleMax}.",
                $"The minimum score {minimum} of {c.Code} lies outside the scale {c.ScaleMin}–{c.ScaleMax}.", field + ".minimumScore");
        }
        var scores = new HashSet<int>();
        foreach (var d in c.Descriptors ?? [])
        {
            if (d.Score < c.ScaleMin || d.Score > c.ScaleMax)
            {
                return Invalid("DescriptorOutsideScaleRule", $"Score {d.Score} bij {c.Code} ligt buiten de schaal {c.ScaleMin}–{c.ScaleMax}.",
                    $"Score {d.Score} of {c.Code} lies outside the scale {c.ScaleMin}–{c.ScaleMax}.", field + ".descriptors");
            }
            if (!scores.Add(d.Score))
            {
                return Invalid("DuplicateDescriptorRule", $"Score {d.Score} bij {c.Code} is twee keer beschreven.", $"Score {d.Score} of {c.Code} is described twice.", field + ".descriptors");
            }
            if (Unreadable(field, ("descriptors", d.TextNl, true), ("descriptors", d.TextEn, true)) is { } unreadableDescriptor)
            {
                return unreadableDescriptor;
            }
            if (Blank(d.TextNl))
            {
                return Invalid("GuidelineTextRequiredRule", $"Score {d.Score} bij {c.Code} heeft geen omschrijving.", $"Score {d.Score} of {c.Code} has no description.", field + ".descriptors");
            }
        }
        return null;
    }

    private static RuleViolation? CheckCode(string? code, string field, HashSet<string> codes)
    {
        if (Unreadable(field, ("code", code, false)) is { } unreadable)
        {
            return unreadable;
        }
        if (Blank(code) || code!.Trim().Length > MaxCodeLength)
        {
            return Invalid("GuidelineCodeRequiredRule", $"Elke eis en elk criterium heeft een code van 1 tot {MaxCodeLength} tekens.",
                $"Every requirement and criterion needs a code of 1 to {MaxCodeLength} characters.", field + ".code");
        }
        if (!codes.Add(code.Trim()))
        {
            return Invalid("DuplicateGuidelineCodeRule", $"De code {code.Trim()} komt meer dan eens voor.", $"The code {code.Trim()} is used more than once.", field + ".code");
        }
        return null;
    }

    private static bool TooLong(int max, params string?[] texts) => texts.Any(t => t?.Length > max);

    /// <summary>What candidates read must read as stored: no text holding only invisible characters.</summary>
    private static bool Blank(string? text) => EnteredText.Read(text, "text").Text is null;

    private static RuleViolation? Unreadable(string field, params (string Name, string? Text, bool Multiline)[] texts) =>
        texts.Select(t => EnteredText.Read(t.Text, $"{field}.{t.Name}", t.Multiline).Unreadable).FirstOrDefault(v => v is not null);

    private static RuleViolation TextTooLong(string code, string field) => Invalid("GuidelineTextTooLongRule",
        $"Een tekst bij {code} is te lang (titels ten hoogste {MaxTitleLength}, andere teksten {MaxTextLength} tekens).",
        $"A text of {code} is too long (titles at most {MaxTitleLength}, other texts {MaxTextLength} characters).", field);

    private static RuleViolation Invalid(string rule, string nl, string en, string? field) => new(rule, RuleKind.Invalid, new(nl, en), field);

    public static RuleViolation Frozen() => new("GuidelineFrozenRule", RuleKind.Conflict,
        new("De selectieleidraad ligt vast: de publicatiefase is begonnen en kandidaten moeten erop kunnen vertrouwen.",
            "The selection guideline is frozen: the publication phase has started and candidates must be able to rely on it."));
}
