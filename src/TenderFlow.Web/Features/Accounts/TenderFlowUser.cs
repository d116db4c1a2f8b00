using Microsoft.AspNetCore.Identity;

namespace TenderFlow.Web.Features.Accounts;

/// <summary>A person who signs in. Bidders belong to an organisation; staff do not.</summary>
public sealed class TenderFlowUser : IdentityUser
{
    public const int MaxDisplayNameLength = 120;

    public string DisplayName { get; set; } = "";
    public Guid? OrganisationId { get; set; }

    /// <summary>"nl" or "en": the language of the portal and of mail to this person.</summary>
    public string PreferredLanguage { get; set; } = "nl";
}
