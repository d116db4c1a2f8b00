using System.Security.Claims;
using TenderFlow.Domain.Documents;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Documents;

public enum DocumentAccess
{
    Denied,
    Allowed,

    /// <summary>Allowed, and the read itself is recorded in the audit trail (confidential content: who saw what, when).</summary>
    AllowedAndAudited,
}

/// <summary>
/// Decides who may read documents of the kinds a feature owns (by <see cref="KindPrefix"/>, e.g. <c>selection.</c>),
/// from role, organisation, phase, theme and seal state. A kind no policy claims can be read by nobody.
/// </summary>
public interface IDocumentReadPolicy
{
    string KindPrefix { get; }

    Task<DocumentAccess> DecideAsync(DocumentRecord document, ClaimsPrincipal user, TenderFlowDbContext db, CancellationToken cancellationToken);
}
