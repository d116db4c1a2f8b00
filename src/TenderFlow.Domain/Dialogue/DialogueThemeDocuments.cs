namespace TenderFlow.Domain.Dialogue;

/// <summary>Document kinds and owners of the dialogue: each uploaded theme document has its own owner, so uploads never supersede each other.</summary>
public static class DialogueThemeDocuments
{
    public const string Kind = "dialogue.document";
    public const string MinutesKind = "dialogue.minutes";
    private const string Prefix = "dialogue-theme/";

    public static string NewOwner(Guid themeId) => $"{Prefix}{themeId}/{Guid.NewGuid():N}";

    public static string OwnerPrefix(Guid themeId) => $"{Prefix}{themeId}/";

    public static Guid? ThemeIdFromOwner(string owner) =>
        owner.StartsWith(Prefix, StringComparison.Ordinal) && owner.Length >= Prefix.Length + 36
            && Guid.TryParse(owner.AsSpan(Prefix.Length, 36), out var id) ? id : null;
}
