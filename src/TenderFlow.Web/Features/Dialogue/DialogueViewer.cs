using TenderFlow.Domain.Dialogue;
using TenderFlow.Domain.Tenders;

namespace TenderFlow.Web.Features.Dialogue;

/// <summary>
/// What one user may do in one tender's dialogue. <see cref="Side"/> is null for everyone outside it (other bidders,
/// evaluators, admins); Legal reads every theme and writes nothing; a partner sees only the themes it is invited to,
/// and nothing at all until it has accepted the confidentiality declaration.
/// </summary>
public sealed record DialogueViewer(DialogueSide? Side, bool IsLegal, bool AllThemes, IReadOnlySet<Guid> InvitedThemes, bool DeclarationAccepted)
{
    public static readonly DialogueViewer Outsider = new(null, false, false, new HashSet<Guid>(), false);

    public bool IsPartner => Side == DialogueSide.Partner;

    /// <summary>May see anything of the dialogue at all (a partner only after the declaration).</summary>
    public bool HasAccess => (Side is not null || IsLegal) && (!IsPartner || DeclarationAccepted);

    public bool Sees(Guid themeId) => HasAccess && (AllThemes || InvitedThemes.Contains(themeId));

    public bool Sees(DialogueTheme theme) => Sees(theme.Id);

    /// <summary>The two sides of the dialogue proper (not partners, not Legal).</summary>
    public bool IsParty => Side is DialogueSide.Authority or DialogueSide.Participant;

    public bool IsAuthority => Side == DialogueSide.Authority;
}
