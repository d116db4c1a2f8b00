using System.Text.Json;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Features.Ocds;

/// <summary>One release: an audit event after which the public picture changed, the phase after it and its release tag.</summary>
public sealed record OcdsStage(long Sequence, DateTime AtUtc, string Phase, string Tag);

/// <summary>
/// Which audit events become releases: the tender's creation and announcement, consultation sessions and public reports,
/// every step, published answers and notes, uploads of published tender documents, and the contract record. Not a
/// return to the dialogue: rejected candidates know the participant, and a release dated at it would tell them its
/// tender was judged insufficient.
/// </summary>
public static class OcdsStages
{
    public static IReadOnlyList<OcdsStage> Of(OcdsSnapshot snapshot)
    {
        var stages = new List<OcdsStage>();
        var contractSeen = false;
        var publishedAt = snapshot.FirstStep("publish");
        foreach (var h in snapshot.History)
        {
            var e = h.Event;
            var phase = h.Phase;
            string? tag = e.Action switch
            {
                "tender.created" => "planning",
                "tender.announced" or "consultation.session.scheduled" or "consultation.session.updated"
                    or "consultation.session.cancelled" or "consultation.report.published" => "planningUpdate",
                "question.published" or "nvi.published" => "tenderUpdate",
                "document.uploaded" when publishedAt is { } p && e.OccurredAtUtc >= p && Kind(e.PayloadJson).StartsWith("publication.", StringComparison.Ordinal) => "tenderUpdate",
                "contract.recorded" => contractSeen ? "contractUpdate" : "contract",
                "contract.corrected" => "contractUpdate",
                "contract.extension.decided" => "contractUpdate",
                TenderHistory.StepAction when Trigger(e.PayloadJson) is "reopenDialogue" or "returnToDialogue" => null,
                TenderHistory.StepAction => OcdsCodes.StepTag(Trigger(e.PayloadJson) ?? ""),
                _ => null,
            };
            if (tag is null)
            {
                continue;
            }
            if (e.Action == TenderHistory.StepAction)
            {
                phase = Text(e.PayloadJson, "to") ?? phase;
            }
            contractSeen |= e.Action == "contract.recorded";
            stages.Add(new OcdsStage(e.Sequence, e.OccurredAtUtc, phase, tag));
        }
        return stages;
    }

    public static string? Trigger(string payloadJson) => Text(payloadJson, "trigger");

    private static string Kind(string payloadJson) => Text(payloadJson, "kind") ?? "";

    private static string? Text(string payloadJson, string property)
    {
        using var payload = JsonDocument.Parse(payloadJson);
        return payload.RootElement.ValueKind == JsonValueKind.Object && payload.RootElement.TryGetProperty(property, out var value)
            && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
