namespace TenderFlow.Web.Features.Submission;

/// <summary>The document kinds of a tender submission; the offer itself is required.</summary>
public static class SubmissionDocuments
{
    public const string Tender = "submission.tender";
    public const string Budget = "submission.budget";
    public const string Implementation = "submission.implementation";
    public const string Annex = "submission.annex";

    public static readonly IReadOnlyList<string> Kinds = [Tender, Budget, Implementation, Annex];

    /// <summary>Accepts the full kind or its short form ("tender" → "submission.tender").</summary>
    public static string? Normalise(string? kind)
    {
        if (string.IsNullOrWhiteSpace(kind))
        {
            return null;
        }
        var full = kind.StartsWith("submission.", StringComparison.Ordinal) ? kind : "submission." + kind;
        return Kinds.Contains(full) ? full : null;
    }

    public static (string Nl, string En) Title(string kind) => kind switch
    {
        Tender => ("Inschrijving (aanbieding)", "Tender (the offer)"),
        Budget => ("Begroting", "Budget"),
        Implementation => ("Implementatieplan", "Implementation plan"),
        _ => ("Bijlage", "Annex"),
    };
}
