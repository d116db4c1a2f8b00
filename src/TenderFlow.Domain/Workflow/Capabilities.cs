namespace TenderFlow.Domain.Workflow;

/// <summary>
/// What a phase opens up. Features ask "is capability X open for this tender now?" instead of
/// hard-coding phase names, so a new definition can open the same features in other phases.
/// </summary>
public static class Capabilities
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "consultation.sessions", "consultation.registration", "consultation.reports",
        "publication.documents", "qa.questions", "qa.answers", "qa.nvi",
        "selection.applications", "selection.opening", "selection.assessment", "selection.decision", "selection.objections",
        "dialogue.themes", "dialogue.partners", "dialogue.meetings",
        "specification.drafting", "specification.review",
        "submission.vault", "submission.opening",
        "assessment.scoring", "award.decision", "award.standstill", "award.objections",
        "contract.record",
        "admission.applications", "admission.review",
    };
}
