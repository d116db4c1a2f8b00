namespace TenderFlow.Domain.Workflow.Definitions;

/// <summary>A text in Dutch (the default) and English.</summary>
public sealed record LocalizedText(string Nl, string En)
{
    public string For(string? language) =>
        string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? En : Nl;
}
