using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Selection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Documents;

namespace TenderFlow.Web.Features.Applications;

/// <summary>Documents of kind <c>selection.*</c> belong to an application (found from the owner) and are read as its content.</summary>
public sealed class ApplicationReadPolicy : IDocumentReadPolicy
{
    public string KindPrefix => "selection.";

    public async Task<DocumentAccess> DecideAsync(DocumentRecord document, ClaimsPrincipal user, TenderFlowDbContext db, CancellationToken cancellationToken)
    {
        if (ApplicationOwners.ApplicationIdOf(document.Owner) is not { } applicationId)
        {
            return DocumentAccess.Denied;
        }
        var application = await db.Applications.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == applicationId && a.TenderId == document.TenderId, cancellationToken);
        var access = application is null ? DocumentAccess.Denied : await ApplicationAccess.DecideAsync(user, application, db, cancellationToken);
        return await SubmittedVersions.OnlyAsync(document, access, ApplicationSeal.Vault, db, cancellationToken);
    }
}
