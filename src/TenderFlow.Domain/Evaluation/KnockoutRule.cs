namespace TenderFlow.Domain.Evaluation;

public enum KnockoutVerdict
{
    Pending,
    Passed,
    Failed,
}

/// <summary>
/// Which knock-out judgement counts (decision documented in Features/Evaluation/README.md): the chair's settlement if
/// there is one; otherwise the evaluators' judgements once at least two agree and none disagrees. A single judgement or
/// a disagreement stays pending until the chair settles it.
/// </summary>
public static class KnockoutRule
{
    public const int AgreeingEvaluatorsNeeded = 2;

    public static KnockoutVerdict Verdict(IEnumerable<KnockoutJudgement> judgementsOfOneRequirement)
    {
        var all = judgementsOfOneRequirement.ToList();
        if (all.FirstOrDefault(j => j.IsSettlement) is { } settlement)
        {
            return settlement.Passed ? KnockoutVerdict.Passed : KnockoutVerdict.Failed;
        }
        var own = all.Where(j => !j.IsSettlement).ToList();
        if (own.Count < AgreeingEvaluatorsNeeded || own.Select(j => j.Passed).Distinct().Count() > 1)
        {
            return KnockoutVerdict.Pending;
        }
        return own[0].Passed ? KnockoutVerdict.Passed : KnockoutVerdict.Failed;
    }

    /// <summary>The candidate's verdict over all requirements: failing one fails all; passing needs every requirement passed.</summary>
    public static KnockoutVerdict Overall(IEnumerable<KnockoutVerdict> perRequirement)
    {
        var verdicts = perRequirement.ToList();
        if (verdicts.Contains(KnockoutVerdict.Failed))
        {
            return KnockoutVerdict.Failed;
        }
        return verdicts.All(v => v == KnockoutVerdict.Passed) ? KnockoutVerdict.Passed : KnockoutVerdict.Pending;
    }
}
