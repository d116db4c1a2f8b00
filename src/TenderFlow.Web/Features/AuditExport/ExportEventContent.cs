using TenderFlow.Domain.Audit;

namespace TenderFlow.Web.Features.AuditExport;

/// <summary>
/// Events of the exported tender whose payload holds confidential text (dialogue messages and agreed outcomes, score and
/// judgement motivations, a candidate's or participant's answers) go out without their payload: the hash covers the
/// payload, so such an event cannot be content-checked by an outsider, only linked. Everything else goes out in full.
/// </summary>
public static class ExportEventContent
{
    /// <summary>Exported by Procurement or Admin before the selection vault is opened: who applied stays sealed (<see cref="Audit.AuditVisibility"/>).</summary>
    public const string SealedApplicantReason = "sealed applicant: who applied stays sealed until the opening (actor and subject withheld too)";

    public const string Reason = "confidential content (dialogue, judgements, scores and motivations, a bidder's answers or question)";

    private static readonly HashSet<string> ConfidentialActions = new(StringComparer.Ordinal)
    {
        "evaluation.scores.submitted", "evaluation.consensus.set",
        "assessment.judgements.submitted", "assessment.consensus.recorded",
        "application.answers.recorded", "submission.answers.recorded",
        // An evaluator's own verdict and motivation on a knock-out requirement; the chair's settlement with its motivation.
        "evaluation.knockout.judged", "evaluation.knockout.settled",
        // The question as the bidder typed it, with the asking organisation: the nota van inlichtingen publishes it anonymised.
        "question.asked",
    };

    /// <summary>Null when the event may go out in full; otherwise why its payload is withheld.</summary>
    public static string? WithheldReason(AuditEvent e)
    {
        if (e.Action.EndsWith(".read", StringComparison.Ordinal))
        {
            return null;   // Who read what is the point of the trail; read payloads hold ids and hashes only.
        }
        return e.Action.StartsWith("dialogue.", StringComparison.Ordinal) || ConfidentialActions.Contains(e.Action) ? Reason : null;
    }
}
