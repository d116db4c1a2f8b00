using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TenderFlow.Domain.Submission;

/// <summary>The form part of a tender submission, and its canonical form for the receipt's hash.</summary>
public sealed record SubmissionAnswers(IReadOnlyList<BudgetLine> Budget, string? BudgetExplanation, string? ImplementationPlan,
    bool? ContractStartReady, string? ReadinessExplanation)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SubmissionAnswers Of(TenderSubmission submission) => new(ParseBudget(submission.BudgetJson), submission.BudgetExplanation,
        submission.ImplementationPlan, submission.ContractStartReady, submission.ReadinessExplanation);

    public static IReadOnlyList<BudgetLine> ParseBudget(string json) => JsonSerializer.Deserialize<List<BudgetLine>>(json, Json) ?? [];

    public static string BudgetToJson(IEnumerable<BudgetLine> lines) => JsonSerializer.Serialize(lines.OrderBy(l => l.Year).ToList(), Json);

    /// <summary>
    /// One line per field, in a fixed order, amounts with invariant culture: the same answers always give the same hash,
    /// whatever the JSON property order or culture of the request.
    /// </summary>
    public string Canonical()
    {
        var text = new StringBuilder();
        foreach (var line in Budget.OrderBy(l => l.Year))
        {
            text.Append("budget:").Append(line.Year.ToString(CultureInfo.InvariantCulture)).Append('=')
                .Append(line.AmountEuros.ToString("0.00", CultureInfo.InvariantCulture)).Append('\n');
        }
        text.Append("budgetExplanation:").Append(JsonSerializer.Serialize(BudgetExplanation ?? "")).Append('\n');
        text.Append("implementationPlan:").Append(JsonSerializer.Serialize(ImplementationPlan ?? "")).Append('\n');
        text.Append("contractStartReady:").Append(ContractStartReady switch { true => "yes", false => "no", null => "" }).Append('\n');
        text.Append("readinessExplanation:").Append(JsonSerializer.Serialize(ReadinessExplanation ?? "")).Append('\n');
        return text.ToString();
    }

    public string Sha256() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical())));

    public long CanonicalSize => Encoding.UTF8.GetByteCount(Canonical());
}
