namespace TenderFlow.Domain.Dialogue;

/// <summary>Who speaks in the dialogue: the contracting authority (Procurement), the selected participant, or an invited city partner.</summary>
public enum DialogueSide
{
    Authority,
    Participant,
    Partner,
}
