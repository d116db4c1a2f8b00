using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Domain.Consultation;

/// <summary>The named rules of market consultation; tests assert on the names.</summary>
public static class ConsultationRules
{
    private static RuleViolation Invalid(string rule, string field, string nl, string en) => new(rule, RuleKind.Invalid, new LocalizedText(nl, en), field);

    public static RuleViolation TitleRequired() => Invalid("SessionTitleRule", "title",
        $"Geef de sessie een titel (hoogstens {SessionSchedule.MaxTitleLength} tekens).", $"Give the session a title (at most {SessionSchedule.MaxTitleLength} characters).");

    public static RuleViolation TopicRequired() => Invalid("SessionTopicRule", "topic",
        $"Beschrijf het onderwerp van de sessie (hoogstens {SessionSchedule.MaxTopicLength} tekens).", $"Describe the topic of the session (at most {SessionSchedule.MaxTopicLength} characters).");

    public static RuleViolation AudienceUnknown() => Invalid("SessionAudienceRule", "audience",
        $"Kies een doelgroep: {string.Join(", ", Enum.GetNames<ConsultationAudience>())}.", $"Choose an audience: {string.Join(", ", Enum.GetNames<ConsultationAudience>())}.");

    public static RuleViolation PlaceRequired() => Invalid("SessionPlaceRule", "location",
        "Geef een plaats of een online link op.", "Give a place or an online link.");

    public static RuleViolation OnlineLinkNotHttps() => Invalid("SessionOnlineLinkRule", "onlineUrl",
        "De online link moet een volledig https-adres zijn.", "The online link must be a complete https address.");

    public static RuleViolation EndNotAfterStart() => Invalid("SessionEndAfterStartRule", "endsAt",
        "Het einde van de sessie moet na het begin liggen.", "The session must end after it starts.");

    public static RuleViolation RegistrationDeadlineAfterStart() => Invalid("RegistrationDeadlineRule", "registrationClosesAt",
        "De aanmeldtermijn mag niet na het begin van de sessie sluiten.", "Registration may not close after the session starts.");

    public static RuleViolation CapacityTooSmall() => Invalid("SessionCapacityRule", "capacity",
        $"Het aantal plaatsen moet tussen 1 en {SessionSchedule.MaxCapacity} liggen.", $"The number of places must be between 1 and {SessionSchedule.MaxCapacity}.");

    public static RuleViolation StartsInThePast() => Invalid("SessionStartsInPastRule", "startsAt",
        "Een sessie kan niet in het verleden beginnen.", "A session cannot start in the past.");

    public static RuleViolation TimesRequired() => Invalid("SessionTimesRule", "startsAt",
        "Geef het begin, het einde en de sluiting van de aanmelding op.", "Give the start, the end and the registration deadline.");

    public static RuleViolation CapacityBelowRegistered(int taken) => new("CapacityBelowRegisteredRule", RuleKind.Conflict, new LocalizedText(
        $"Er zijn al {taken} deelnemers ingeschreven; verklein het aantal plaatsen niet tot onder dat aantal.",
        $"{taken} attendees are already registered; the number of places cannot go below that."), "capacity");

    public static RuleViolation PhaseClosed(string capability) => new("ConsultationClosedRule", RuleKind.Conflict, new LocalizedText(
        $"Dit kan niet in de huidige fase van de aanbesteding ({capability} is niet open).",
        $"This is not possible in the tender's current phase ({capability} is not open)."));

    public static RuleViolation SessionNotFound(Guid id) => new("SessionNotFoundRule", RuleKind.NotFound, new LocalizedText(
        $"Sessie {id} bestaat niet.", $"Session {id} does not exist."));

    public static RuleViolation SessionCancelled() => new("SessionCancelledRule", RuleKind.Conflict, new LocalizedText(
        "Deze sessie is geannuleerd.", "This session has been cancelled."));

    public static RuleViolation SessionStarted() => new("SessionAlreadyStartedRule", RuleKind.Conflict, new LocalizedText(
        "Deze sessie is al begonnen en kan niet meer worden gewijzigd of geannuleerd.", "This session has already started and can no longer be changed or cancelled."));

    public static RuleViolation RegistrationClosed(DateTime closedAtUtc) => new("RegistrationClosedRule", RuleKind.Conflict, new LocalizedText(
        $"De aanmeldtermijn van deze sessie is gesloten ({Time.AmsterdamTime.Format(closedAtUtc)}).",
        $"Registration for this session has closed ({Time.AmsterdamTime.Format(closedAtUtc)})."));

    public static RuleViolation NoOrganisation() => new("BidderOrganisationRule", RuleKind.Forbidden, new LocalizedText(
        "Alleen een aanbieder namens de eigen organisatie kan zich aanmelden.", "Only a bidder, for their own organisation, can register."));

    public static RuleViolation AlreadyRegistered() => new("AlreadyRegisteredRule", RuleKind.Conflict, new LocalizedText(
        "Uw organisatie is al aangemeld voor deze sessie. Meld eerst af om andere deelnemers op te geven.",
        "Your organisation is already registered for this session. Cancel first to name other attendees."));

    public static RuleViolation RegistrationNotFound(Guid id) => new("RegistrationNotFoundRule", RuleKind.NotFound, new LocalizedText(
        $"Aanmelding {id} bestaat niet.", $"Registration {id} does not exist."));

    public static RuleViolation AttendeesRequired() => Invalid("AttendeesRequiredRule", "attendees",
        "Geef ten minste één deelnemer op.", "Name at least one attendee.");

    public static RuleViolation TooManyAttendees(int max) => Invalid("TooManyAttendeesRule", "attendees",
        $"Geef hoogstens {max} deelnemers op.", $"Name at most {max} attendees.");

    public static RuleViolation AttendeeName(int index) => Invalid("AttendeeNameRule", $"attendees[{index}].name",
        $"Geef de naam van deelnemer {index + 1} (hoogstens {SessionSchedule.MaxNameLength} tekens).", $"Give the name of attendee {index + 1} (at most {SessionSchedule.MaxNameLength} characters).");

    public static RuleViolation AttendeeEmail(int index) => Invalid("AttendeeEmailRule", $"attendees[{index}].email",
        $"Geef een geldig e-mailadres voor deelnemer {index + 1}.", $"Give a valid e-mail address for attendee {index + 1}.");

    public static RuleViolation AttendeeFunction(int index) => Invalid("AttendeeFunctionRule", $"attendees[{index}].function",
        $"Geef de functie van deelnemer {index + 1} (hoogstens {SessionSchedule.MaxNameLength} tekens).", $"Give the function of attendee {index + 1} (at most {SessionSchedule.MaxNameLength} characters).");

    public static RuleViolation DuplicateAttendee(int index) => Invalid("DuplicateAttendeeRule", $"attendees[{index}].email",
        $"Deelnemer {index + 1} staat al in deze aanmelding.", $"Attendee {index + 1} is already in this registration.");

    public static RuleViolation AttendanceBeforeStart() => new("AttendanceBeforeStartRule", RuleKind.Conflict, new LocalizedText(
        "Aanwezigheid kan pas worden vastgelegd als de sessie is begonnen.", "Attendance can only be recorded once the session has started."));

    public static RuleViolation AttendeeNotFound(Guid id) => new("AttendeeNotFoundRule", RuleKind.NotFound, new LocalizedText(
        $"Deelnemer {id} hoort niet bij deze sessie.", $"Attendee {id} does not belong to this session."), "attendeeId");
}
