namespace TenderFlow.Web.Features.Award;

/// <summary>Triggers, deadlines, capabilities and document kinds this feature works with (ids from workflows/sas-dialogue.json).</summary>
public static class AwardNames
{
    public const string AnnounceTrigger = "announceAward";
    public const string ReviseAwardTrigger = "reviseAward";
    public const string ReviseSelectionTrigger = "reviseSelection";
    public const string FinalAwardTrigger = "finalAward";
    public const string AwardStandstillEnd = "awardStandstillEnd";
    public const string SelectionStandstillEnd = "selectionStandstillEnd";
    public const string ContractStart = "contractStart";
    public const string AwardObjections = "award.objections";
    public const string SelectionObjections = "selection.objections";
    public const string ContractCapability = "contract.record";

    public const string LetterKind = "award.letter";
    public const string ObjectionDocumentKind = "award.objection.document";
    public const string ObjectionOutcomeKind = "award.objection.outcome";

    public static string ApplicationOwner(Guid applicationId) => $"application/{applicationId}";
    public static string ObjectionOwner(Guid objectionId) => $"objection/{objectionId}";

    /// <summary>Phases from which the award is public (the award notice).</summary>
    public static readonly string[] AwardedPhases = ["implementation", "awarded"];

    /// <summary>The phase in which the contract runs (after <c>startContract</c>): only then are extension options decided.</summary>
    public const string ContractRunningPhase = "awarded";
}
