namespace TenderFlow.Web.Features.Shared;

/// <summary>ViewData keys a page sets to change what the shared layout shows.</summary>
public static class LayoutOptions
{
    /// <summary>true: the header without navigation, inbox count or forms.</summary>
    public const string Plain = "TenderFlow.PlainLayout";
}
