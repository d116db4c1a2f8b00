namespace TenderFlow.Domain.Selection;

/// <summary>
/// Document owners and kinds of an application. Every owner starts with <c>application/{id}</c>, so the read policy
/// finds the application of any of its documents from the owner alone.
/// </summary>
public static class ApplicationOwners
{
    /// <summary>Every kind a candidate uploads to its application starts with this.</summary>
    public const string KindPrefix = "selection.";
    public const string VisionKind = "selection.vision";
    public const string GvaKind = "selection.gva";
    public const string BibobKind = "selection.bibob";
    public const string ReferenceKind = "selection.reference";

    public static string Application(Guid applicationId) => $"application/{applicationId}";

    public static string Member(Guid applicationId, Guid organisationId) => $"application/{applicationId}/member/{organisationId}";

    public static string Reference(Guid applicationId, Guid referenceId) => $"application/{applicationId}/reference/{referenceId}";

    /// <summary>The application id in an owner written by this class, or null for anything else.</summary>
    public static Guid? ApplicationIdOf(string owner)
    {
        var parts = owner.Split('/');
        return parts.Length >= 2 && parts[0] == "application" && Guid.TryParse(parts[1], out var id) ? id : null;
    }
}
