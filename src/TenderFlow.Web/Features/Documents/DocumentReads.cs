using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Documents;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Features.Documents;

/// <summary>The single door to stored documents: finds the owning feature's policy, decides, and audits confidential reads.</summary>
public sealed class DocumentReads(TenderFlowDbContext db, IEnumerable<IDocumentReadPolicy> policies, AuditWriter audit)
{
    /// <summary>The document if <paramref name="user"/> may read it now (and the read is recorded when confidential); otherwise null.</summary>
    public async Task<DocumentRecord?> AuthoriseAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return null;
        }
        var access = await DecideAsync(document, user, cancellationToken);
        // A confidential read must be attributable, so anonymous visitors only get what is public outright.
        if (access == DocumentAccess.Denied || (access == DocumentAccess.AllowedAndAudited && user.Identity?.IsAuthenticated != true))
        {
            return null;
        }
        if (access == DocumentAccess.AllowedAndAudited)
        {
            var actor = user.ToActor();
            await audit.WriteAsync(actor.Id, actor.Roles.FirstOrDefault() ?? "", document.TenderId,
                [new AuditRecord("document.read", $"document/{document.Id}", new { kind = document.Kind, owner = document.Owner, sha256 = document.Sha256, version = document.Version })],
                cancellationToken);
        }
        return document;
    }

    public Task<DocumentAccess> DecideAsync(DocumentRecord document, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var policy = policies.Where(p => document.Kind.StartsWith(p.KindPrefix, StringComparison.Ordinal))
            .OrderByDescending(p => p.KindPrefix.Length).FirstOrDefault();
        return policy is null ? Task.FromResult(DocumentAccess.Denied) : policy.DecideAsync(document, user, db, cancellationToken);
    }
}
