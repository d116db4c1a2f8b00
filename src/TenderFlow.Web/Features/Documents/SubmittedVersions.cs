using TenderFlow.Domain.Documents;

namespace TenderFlow.Web.Features.Documents;

/// <summary>
/// A sealed vault holds only the current version of each document: a version the bidder replaced (or dropped with a
/// member) before submitting was never submitted, so the staff who read the opened vault do not read it. The bidder's
/// own organisation keeps its history (its access is <see cref="DocumentAccess.Allowed"/>, not audited).
/// </summary>
public static class SubmittedVersions
{
    public static DocumentAccess Only(DocumentRecord document, DocumentAccess access) =>
        access == DocumentAccess.AllowedAndAudited && !document.IsCurrent ? DocumentAccess.Denied : access;
}
