namespace TenderFlow.Web.Features.Documents;

/// <summary>Configuration <c>Documents:MaxUploadMegabytes</c> (default 100).</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    public int MaxUploadMegabytes { get; set; } = 100;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;
}
