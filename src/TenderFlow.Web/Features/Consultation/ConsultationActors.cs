using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Consultation;

public static class ConsultationActors
{
    /// <summary>The role an action is recorded under in the audit trail: the one that permitted it.</summary>
    public static string AuditRole(this Actor actor, string preferred) =>
        actor.Roles.Contains(preferred) ? preferred : actor.Roles.OrderBy(r => r, StringComparer.Ordinal).FirstOrDefault() ?? "";

    public static string SessionLink(Guid tenderId, Guid sessionId) => $"/tenders/{tenderId}/consultation/{sessionId}";

    /// <summary>Who reads every organisation's attendees (names, e-mail addresses), as the participants CSV: not Admin.</summary>
    public static readonly string[] AttendeeListReaders = [Roles.Procurement, Roles.Legal];
}
