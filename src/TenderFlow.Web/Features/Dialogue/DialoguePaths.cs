namespace TenderFlow.Web.Features.Dialogue;

public static class DialoguePaths
{
    public static string Overview(Guid tenderId) => $"/tenders/{tenderId}/dialoog";

    public static string Theme(Guid tenderId, Guid themeId) => $"/tenders/{tenderId}/dialoog/{themeId}";

    public static string Declaration(Guid tenderId) => $"/tenders/{tenderId}/dialoog/verklaring";
}
