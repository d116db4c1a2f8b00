using TenderFlow.Domain.Input;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Applications;

/// <summary>The field checks of an experience reference, before anything is stored.</summary>
public static class ReferenceInput
{
    public static RuleViolation? Check(ReferenceRequest r)
    {
        if (r.RequirementId is null)
        {
            return ApplicationRules.UnknownRequirement();
        }
        foreach (var (field, value, nl, en) in new[]
        {
            ("client", r.Client, "opdrachtgever", "client"),
            ("careForms", r.CareForms, "zorgvormen", "care forms"),
            ("scale", r.Scale, "omvang", "scale"),
        })
        {
            var (text, unreadable) = EnteredText.Read(value, field, multiline: false, $"De {nl}", $"The {en}");
            if (unreadable is not null)
            {
                return unreadable;
            }
            if (text is null || text.Length > ApplicationReference.MaxShortLength)
            {
                return ApplicationRules.Invalid(field, $"Vul de {nl} in (hoogstens {ApplicationReference.MaxShortLength} tekens).",
                    $"Enter the {en} (at most {ApplicationReference.MaxShortLength} characters).");
            }
        }
        var (description, unreadableDescription) = EnteredText.Read(r.Description, "description", multiline: true, "De beschrijving", "The description");
        if (unreadableDescription is not null)
        {
            return unreadableDescription;
        }
        if (description is null || description.Length > ApplicationReference.MaxTextLength)
        {
            return ApplicationRules.Invalid("description", $"Beschrijf de ervaring (hoogstens {ApplicationReference.MaxTextLength} tekens).",
                $"Describe the experience (at most {ApplicationReference.MaxTextLength} characters).");
        }
        if (r.PeriodFrom is null || r.PeriodTo is null || r.PeriodTo < r.PeriodFrom)
        {
            return ApplicationRules.Invalid("periodTo", "Vul een periode in waarvan het einde niet vóór het begin ligt.",
                "Enter a period whose end does not lie before its start.");
        }
        return null;
    }
}
