using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Submission;

namespace TenderFlow.Web.Features.Submission;

/// <summary>What a submission still lacks before it can be submitted (Dutch and English, for the rule and the page).</summary>
public static class SubmissionCompleteness
{
    public static IReadOnlyList<(string Nl, string En)> Missing(TenderSubmission submission, IReadOnlyList<int> budgetYears, IEnumerable<DocumentRecord> currentDocuments)
    {
        var missing = new List<(string, string)>();
        if (!currentDocuments.Any(d => d.Kind == SubmissionDocuments.Tender))
        {
            missing.Add(("het document met de inschrijving (aanbieding)", "the tender document (the offer)"));
        }
        var budget = SubmissionAnswers.ParseBudget(submission.BudgetJson);
        var years = budgetYears.Count > 0 ? budgetYears : [];
        foreach (var year in years.Where(y => !budget.Any(l => l.Year == y && l.AmountEuros > 0)))
        {
            missing.Add(($"het bedrag voor contractjaar {year}", $"the amount for contract year {year}"));
        }
        if (years.Count == 0 && budget.Count == 0)
        {
            missing.Add(("de begroting per contractjaar", "the budget per contract year"));
        }
        if (string.IsNullOrWhiteSpace(submission.BudgetExplanation))
        {
            missing.Add(("de toelichting op de begroting", "the budget explanation"));
        }
        if (string.IsNullOrWhiteSpace(submission.ImplementationPlan))
        {
            missing.Add(("de samenvatting van het implementatieplan", "the implementation plan summary"));
        }
        if (submission.ContractStartReady is null)
        {
            missing.Add(("of u gereed bent voor de contractstart", "whether you are ready for the contract start"));
        }
        if (string.IsNullOrWhiteSpace(submission.ReadinessExplanation))
        {
            missing.Add(("de toelichting op de gereedheid", "the readiness explanation"));
        }
        return missing;
    }
}
