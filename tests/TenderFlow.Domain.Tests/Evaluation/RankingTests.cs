using TenderFlow.Domain.Evaluation;

namespace TenderFlow.Domain.Tests.Evaluation;

public sealed class RankingTests
{
    private static readonly RankingCriterion Vision = new(Guid.NewGuid(), "K1", 60, 10, 4, 1);
    private static readonly RankingCriterion Quality = new(Guid.NewGuid(), "K2", 40, 5, null, 2);
    private static readonly IReadOnlyList<RankingCriterion> Criteria = [Quality, Vision];

    private static RankingCandidate Candidate(int vision, int quality, KnockoutVerdict knockout = KnockoutVerdict.Passed) =>
        new(Guid.NewGuid(), knockout, new Dictionary<Guid, int> { [Vision.Id] = vision, [Quality.Id] = quality });

    [Fact]
    public void Weighted_total_is_the_sum_of_score_over_scale_max_times_weight()
    {
        // 7/10 × 60 + 3/5 × 40 = 42 + 24 = 66
        var ranked = Ranking.Rank(Criteria, [Candidate(7, 3)]);
        Assert.Equal(66m, ranked[0].Total);
        Assert.Equal(1, ranked[0].Rank);
    }

    [Fact]
    public void Totals_on_scales_that_do_not_divide_evenly_are_equal_when_they_are_equal()
    {
        // On 0–3: a = 1/3×40 + 1/3×20 + 3/3×40 = 60, b = 0 + 3/3×20 + 3/3×40 = 60. Computed in decimals a came out as
        // 59.99…, so b ranked first on its own; the tie rule decides for a (higher on K1, the first of the heaviest).
        RankingCriterion k1 = new(Guid.NewGuid(), "K1", 40, 3, null, 1), k2 = new(Guid.NewGuid(), "K2", 20, 3, null, 2), k3 = new(Guid.NewGuid(), "K3", 40, 3, null, 3);
        RankingCandidate Scored(int s1, int s2, int s3) => new(Guid.NewGuid(), KnockoutVerdict.Passed, new Dictionary<Guid, int> { [k1.Id] = s1, [k2.Id] = s2, [k3.Id] = s3 });
        var a = Scored(1, 1, 3);
        var b = Scored(0, 3, 3);

        var ranked = Ranking.Rank([k1, k2, k3], [b, a]);

        Assert.Equal([a.ApplicationId, b.ApplicationId], ranked.Select(r => r.ApplicationId));
        Assert.Equal([1, 2], ranked.Select(r => r.Rank!.Value));
        Assert.Equal(ranked[0].Total, ranked[1].Total);
        Assert.Equal(60m, Math.Round(ranked[0].Total, 10));
    }

    [Fact]
    public void Equal_totals_are_decided_by_the_heaviest_criterion_then_the_next()
    {
        // a: 8/10×60 + 2/5×40 = 48 + 16 = 64; b: 4/10×60 + 5/5×40 = 24 + 40 = 64; K1 (60%) decides for a.
        var a = Candidate(8, 2);
        var b = Candidate(4, 5);
        var ranked = Ranking.Rank(Criteria, [b, a]);
        Assert.Equal([64m, 64m], ranked.Select(r => r.Total));
        Assert.Equal(a.ApplicationId, ranked[0].ApplicationId);
        Assert.Equal([1, 2], ranked.Select(r => r.Rank!.Value));
        Assert.All(ranked, r => Assert.False(r.TiedForRank));
    }

    [Fact]
    public void A_tie_the_rule_cannot_break_shares_the_rank_for_a_notarial_lot()
    {
        var a = Candidate(6, 4);
        var b = Candidate(6, 4);
        var c = Candidate(5, 5);
        var ranked = Ranking.Rank(Criteria, [a, b, c]);
        // a, b: 36 + 32 = 68; c: 30 + 40 = 70.
        Assert.Equal(c.ApplicationId, ranked[0].ApplicationId);
        Assert.Equal([1, 2, 2], ranked.Select(r => r.Rank!.Value));
        Assert.Equal([false, true, true], ranked.Select(r => r.TiedForRank));
    }

    [Fact]
    public void Below_a_minimum_is_unsuitable_a_failed_knock_out_excluded_and_missing_scores_incomplete()
    {
        var low = Candidate(3, 5);
        var failed = Candidate(10, 5, KnockoutVerdict.Failed);
        var pending = Candidate(10, 5, KnockoutVerdict.Pending);
        var missing = new RankingCandidate(Guid.NewGuid(), KnockoutVerdict.Passed, new Dictionary<Guid, int> { [Vision.Id] = 9 });
        var fine = Candidate(4, 1);
        var ranked = Ranking.Rank(Criteria, [low, failed, pending, missing, fine]);

        Assert.Equal(fine.ApplicationId, ranked[0].ApplicationId);
        Assert.Equal(32m, ranked[0].Total);
        Assert.Equal(CandidateStanding.Unsuitable, ranked.Single(r => r.ApplicationId == low.ApplicationId).Standing);
        Assert.Equal(["K1"], ranked.Single(r => r.ApplicationId == low.ApplicationId).BelowMinimum);
        Assert.Equal(CandidateStanding.KnockedOut, ranked.Single(r => r.ApplicationId == failed.ApplicationId).Standing);
        Assert.Equal(CandidateStanding.Incomplete, ranked.Single(r => r.ApplicationId == pending.ApplicationId).Standing);
        Assert.Equal(CandidateStanding.Incomplete, ranked.Single(r => r.ApplicationId == missing.ApplicationId).Standing);
        Assert.All(ranked.Skip(1), r => Assert.Null(r.Rank));
    }

    [Fact]
    public void Knock_out_verdict_needs_two_agreeing_evaluators_or_the_chair()
    {
        static KnockoutJudgement J(string who, bool passed, bool chair = false) => new() { EvaluatorUserId = who, Passed = passed, IsSettlement = chair, Motivation = "m" };
        Assert.Equal(KnockoutVerdict.Pending, KnockoutRule.Verdict([J("a", true)]));
        Assert.Equal(KnockoutVerdict.Passed, KnockoutRule.Verdict([J("a", true), J("b", true)]));
        Assert.Equal(KnockoutVerdict.Pending, KnockoutRule.Verdict([J("a", true), J("b", false)]));
        Assert.Equal(KnockoutVerdict.Failed, KnockoutRule.Verdict([J("a", true), J("b", true), J("c", false, chair: true)]));
        Assert.Equal(KnockoutVerdict.Failed, KnockoutRule.Overall([KnockoutVerdict.Passed, KnockoutVerdict.Pending, KnockoutVerdict.Failed]));
        Assert.Equal(KnockoutVerdict.Pending, KnockoutRule.Overall([KnockoutVerdict.Passed, KnockoutVerdict.Pending]));
    }
}
