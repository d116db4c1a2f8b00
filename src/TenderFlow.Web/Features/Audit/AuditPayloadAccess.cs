using System.Security.Claims;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Features.AuditExport;

namespace TenderFlow.Web.Features.Audit;

/// <summary>
/// Whose eyes an audit event's payload is for. Legal reads every payload: the trail is their evidence. Procurement and
/// Admin also read the trail, but an event holding confidential text (<see cref="ExportEventContent"/>: dialogue content,
/// evaluators' judgements and motivations, a bidder's question) shows them only that it happened, who, when and its hash.
/// Otherwise Procurement would read each evaluator's judgement before the consensus, and Admin the dialogue.
/// </summary>
public static class AuditPayloadAccess
{
    public const string WithheldJson = """{"withheld":"confidential content: in full for Legal only"}""";

    public static string PayloadFor(AuditEvent e, ClaimsPrincipal reader) =>
        reader.IsInRole(Roles.Legal) || ExportEventContent.WithheldReason(e) is null ? e.PayloadJson : WithheldJson;
}
