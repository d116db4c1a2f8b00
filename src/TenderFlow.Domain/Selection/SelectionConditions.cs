using TenderFlow.Domain.Workflow.Definitions;

namespace TenderFlow.Domain.Selection;

/// <summary>
/// The further selection conditions of the 2020 strategy (seed 2018-strategie, §selectie): every candidate answers each
/// with yes/no and an explanation.
/// </summary>
public static class SelectionConditions
{
    public sealed record Condition(string Key, LocalizedText Title);

    public static readonly IReadOnlyList<Condition> All =
    [
        new("cultural-sensitivity", new("Cultuursensitiviteit en LHBTI+: sensitiviteit op herkomst, levensbeschouwing, seksuele geaardheid en LHBTI",
            "Cultural sensitivity and LGBTQ+: sensitivity to origin, belief, sexual orientation and LGBTQ+")),
        new("privacy", new("Privacy conform de AVG", "Privacy under the GDPR (AVG)")),
        new("social-return", new("Social return", "Social return")),
        new("accessibility", new("Toegankelijkheid van de zorg en ondersteuning", "Accessibility of care and support")),
        new("wnt", new("Wet normering topinkomens (WNT)", "Standards for top incomes (WNT)")),
        new("transfer-of-undertaking", new("Overgang van onderneming", "Transfer of undertaking")),
        new("payroll", new("Raadsbesluit 'Payrolling en goed werkgeverschap'", "Council decision on payrolling and good employership")),
    ];

    public static Condition? Find(string? key) => All.FirstOrDefault(c => c.Key == key);
}
