using System.Security.Cryptography;
using System.Text;
using TenderFlow.Domain.Workflow.Definitions;

namespace TenderFlow.Web.Features.Dialogue;

/// <summary>The confidentiality declaration a partner accepts once per tender; its version and hash are recorded with the acceptance.</summary>
public static class DialogueDeclarationText
{
    public const string Version = "2027-1";

    public static readonly LocalizedText Text = new(
        "Ik verklaar dat ik alles wat ik in de dialoog van deze aanbesteding lees, hoor of ontvang vertrouwelijk behandel. " +
        "Ik deel het met niemand buiten de deelnemers aan het thema waarvoor ik ben uitgenodigd, gebruik het alleen voor mijn " +
        "bijdrage aan deze dialoog en meld het de gemeente direct als vertrouwelijke informatie toch bij anderen terecht is gekomen.",
        "I declare that I will treat everything I read, hear or receive in this tender's dialogue as confidential. " +
        "I will share it with nobody outside the participants of the theme I am invited to, use it only for my contribution " +
        "to this dialogue, and tell the municipality at once if confidential information has reached others after all.");

    public static string Sha256 { get; } =
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Version + "\n" + Text.Nl + "\n" + Text.En)));
}
