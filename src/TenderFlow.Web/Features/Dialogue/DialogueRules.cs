using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Dialogue;

public static class DialogueRules
{
    public static RuleViolation NoAccess() => new("DialogueAccessRule", RuleKind.Forbidden,
        new("U neemt niet deel aan de dialoog van deze aanbesteding.", "You do not take part in this tender's dialogue."));

    public static RuleViolation DeclarationRequired() => new("DialogueDeclarationRule", RuleKind.Forbidden,
        new("Accepteer eerst de geheimhoudingsverklaring.", "Accept the confidentiality declaration first."));

    public static RuleViolation NotYourRole() => new("DialogueRoleRule", RuleKind.Forbidden,
        new("Uw rol mag dit in de dialoog niet doen.", "Your role may not do this in the dialogue."));

    public static RuleViolation ThemeNotFound(Guid id) => new("DialogueThemeNotFoundRule", RuleKind.NotFound,
        new($"Thema {id} bestaat niet.", $"Theme {id} does not exist."));

    public static RuleViolation MeetingNotFound(Guid id) => new("DialogueMeetingNotFoundRule", RuleKind.NotFound,
        new($"Overleg {id} bestaat niet.", $"Meeting {id} does not exist."));

    public static RuleViolation PhaseClosed(string capability) => new("DialoguePhaseRule", RuleKind.Conflict,
        new($"Dit kan in de huidige fase niet ({capability} is gesloten).", $"This is not possible in the current phase ({capability} is closed)."));

    public static RuleViolation ThemeSettled() => new("DialogueThemeSettledRule", RuleKind.Conflict,
        new("Dit thema is afgerond of vervallen en kan alleen worden gelezen.", "This theme is closed or waived and can only be read."));

    public static RuleViolation TitleRequired() => new("DialogueThemeTitleRule", RuleKind.Invalid,
        new("Geef het thema een Nederlandse titel (hoogstens 300 tekens).", "Give the theme a Dutch title (at most 300 characters)."), "titleNl");

    public static RuleViolation UnknownStatus() => new("DialogueThemeStatusRule", RuleKind.Invalid,
        new("Kies de status open, agreed, closed of waived.", "Choose the status open, agreed, closed or waived."), "status");

    public static RuleViolation Transition(string from, string to) => new("DialogueThemeTransitionRule", RuleKind.Conflict,
        new($"Een thema met status {from} kan niet naar {to}.", $"A theme with status {from} cannot become {to}."), "status");

    public static RuleViolation WaiverReasonRequired() => new("DialogueWaiverReasonRule", RuleKind.Invalid,
        new("Motiveer waarom het thema vervalt.", "Give the reason why the theme is waived."), "reason");

    public static RuleViolation ReopenReasonRequired() => new("DialogueReopenReasonRule", RuleKind.Invalid,
        new("Motiveer waarom het thema wordt heropend.", "Give the reason why the theme is reopened."), "reason");

    public static RuleViolation StatusTextTooLong(string field, int max) => new("DialogueStatusTextLengthRule", RuleKind.Invalid,
        new($"Gebruik ten hoogste {max} tekens.", $"Use at most {max} characters."), field);

    public static RuleViolation MinutesAwaitingApproval() => new("DialogueMinutesAwaitingApprovalRule", RuleKind.Conflict,
        new("Een verslag van een overleg over dit thema wacht nog op goedkeuring door de andere partij. Laat het eerst goedkeuren (na het afronden kan dat niet meer), of motiveer waarom het thema toch wordt afgerond: het verslag blijft dan gemarkeerd als niet goedgekeurd.",
            "Minutes of a meeting on this theme still await the other side's approval. Have them approved first (once the theme is settled that is no longer possible), or give the reason to settle the theme anyway: the minutes then stay marked as not approved."),
        "reason");

    public static RuleViolation AgreedOutcomeRequired() => new("DialogueAgreedOutcomeRule", RuleKind.Invalid,
        new("Leg de afspraak vast die beide partijen zijn overeengekomen.", "Record the outcome both sides agreed."), "agreedOutcome");

    public static RuleViolation NotAPartner() => new("DialoguePartnerRule", RuleKind.Invalid,
        new("Alleen gebruikers met de rol Partner kunnen voor een thema worden uitgenodigd.", "Only users with the Partner role can be invited to a theme."), "userId");

    public static RuleViolation DeclarationNotAccepted() => new("DialogueDeclarationAcceptRule", RuleKind.Invalid,
        new("Vink aan dat u de verklaring accepteert.", "Tick that you accept the declaration."), "accept");

    public static RuleViolation MessageText() => new("DialogueMessageTextRule", RuleKind.Invalid,
        new("Schrijf een bericht (hoogstens 8000 tekens).", "Write a message (at most 8000 characters)."), "text");

    public static RuleViolation ReplyNotFound() => new("DialogueReplyRule", RuleKind.Invalid,
        new("Het bericht waarop u reageert hoort niet bij dit thema.", "The message you reply to is not part of this theme."), "replyTo");

    public static RuleViolation MeetingInput(string field) => new("DialogueMeetingInputRule", RuleKind.Invalid,
        new("Vul datum en tijd, plaats of link (hoogstens 300 tekens) en agenda (hoogstens 4000 tekens) in.",
            "Fill in the date and time, place or link (at most 300 characters) and agenda (at most 4000 characters)."), field);

    public static RuleViolation NoMinutes() => new("DialogueMinutesMissingRule", RuleKind.Conflict,
        new("Van dit overleg is nog geen verslag geüpload.", "No minutes have been uploaded for this meeting yet."));

    public static RuleViolation OwnSideApproval() => new("DialogueMinutesSideRule", RuleKind.Forbidden,
        new("Het verslag wordt goedgekeurd door de andere partij dan die het uploadde.", "The minutes are approved by the side that did not upload them."));

    public static RuleViolation MinutesVersionRequired() => new("DialogueMinutesVersionRequiredRule", RuleKind.Invalid,
        new("Geef aan welke versie van het verslag u goedkeurt.", "State which version of the minutes you approve."), "documentId");

    public static RuleViolation MinutesChanged() => new("DialogueMinutesChangedRule", RuleKind.Conflict,
        new("Het verslag is intussen vervangen door een nieuwe versie. Lees die voordat u goedkeurt.",
            "The minutes were replaced by a new version in the meantime. Read it before you approve."));

    public static RuleViolation MinutesAlreadyApproved() => new("DialogueMinutesApprovedRule", RuleKind.Conflict,
        new("Dit verslag is al goedgekeurd.", "These minutes are already approved."));
}
