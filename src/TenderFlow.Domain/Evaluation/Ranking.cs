using System.Numerics;

namespace TenderFlow.Domain.Evaluation;

/// <summary>The part of a criterion the ranking needs.</summary>
public sealed record RankingCriterion(Guid Id, string Code, int WeightPercent, int ScaleMax, int? MinimumScore, int Order);

public sealed record RankingCandidate(Guid ApplicationId, KnockoutVerdict Knockout, IReadOnlyDictionary<Guid, int> ConsensusScores);

public enum CandidateStanding
{
    /// <summary>Passed every knock-out requirement, has a consensus score on every criterion, at or above every minimum.</summary>
    Ranked,
    KnockedOut,

    /// <summary>A consensus score below a criterion's minimum score.</summary>
    Unsuitable,

    /// <summary>Knock-out verdicts or consensus scores still missing.</summary>
    Incomplete,
}

/// <param name="Rank">1-based; candidates the tie rule cannot separate share a rank (a lot decides between them).</param>
/// <param name="TiedForRank">Another ranked candidate has exactly the same rank.</param>
public sealed record RankedCandidate(Guid ApplicationId, CandidateStanding Standing, decimal Total, int? Rank, bool TiedForRank, IReadOnlyList<string> BelowMinimum);

/// <summary>
/// The ranking of the selection (documented in Features/Evaluation/README.md):
/// weighted total = Σ over criteria of (consensus score / ScaleMax × weight percent), so a candidate with the maximum on
/// every criterion has 100. A consensus score below a criterion's minimum makes the candidate unsuitable; a failed
/// knock-out requirement excludes it. Tie rule: on equal totals the higher consensus score on the heaviest criterion
/// wins, then on the next heaviest (equal weights in criterion order); a tie that remains is decided by a lot drawn by a
/// notary, which Procurement records as the reason of its selection.
/// </summary>
public static class Ranking
{
    public static decimal Contribution(int score, RankingCriterion criterion) =>
        (decimal)score / criterion.ScaleMax * criterion.WeightPercent;

    public static IReadOnlyList<RankedCandidate> Rank(IReadOnlyList<RankingCriterion> criteria, IEnumerable<RankingCandidate> candidates)
    {
        var tieOrder = criteria.OrderByDescending(c => c.WeightPercent).ThenBy(c => c.Order).ToList();
        var denominator = criteria.Aggregate(BigInteger.One, (l, c) => l / BigInteger.GreatestCommonDivisor(l, c.ScaleMax) * c.ScaleMax);
        var assessed = candidates.Select(c => Assess(criteria, c, denominator)).ToList();
        var ranked = assessed.Where(a => a.Standing == CandidateStanding.Ranked)
            .OrderByDescending(a => a.Exact)
            .ThenByDescending(a => a.Candidate, new TieComparer(tieOrder))
            .ToList();
        var result = new List<RankedCandidate>();
        for (var i = 0; i < ranked.Count; i++)
        {
            var rank = i + 1;
            if (i > 0 && Same(ranked[i - 1], ranked[i], tieOrder))
            {
                rank = result[i - 1].Rank!.Value;
            }
            var tied = (i > 0 && Same(ranked[i - 1], ranked[i], tieOrder)) || (i + 1 < ranked.Count && Same(ranked[i], ranked[i + 1], tieOrder));
            result.Add(new RankedCandidate(ranked[i].Candidate.ApplicationId, CandidateStanding.Ranked, ranked[i].Total, rank, tied, []));
        }
        result.AddRange(assessed.Where(a => a.Standing != CandidateStanding.Ranked)
            .OrderBy(a => a.Standing).ThenByDescending(a => a.Exact)
            .Select(a => new RankedCandidate(a.Candidate.ApplicationId, a.Standing, a.Total, null, false, a.BelowMinimum)));
        return result;
    }

    /// <param name="Exact">The total times the scale maxima's least common multiple: a whole number, so equal totals compare
    /// equal (score / 3 × 40 in decimals is 13.33…, and three such parts no longer add up to the total they make).</param>
    /// <param name="Total">For display: the decimals rounded where their own error ends, so equal totals show equal.</param>
    private sealed record Assessed(RankingCandidate Candidate, CandidateStanding Standing, BigInteger Exact, decimal Total, IReadOnlyList<string> BelowMinimum);

    private static Assessed Assess(IReadOnlyList<RankingCriterion> criteria, RankingCandidate candidate, BigInteger denominator)
    {
        var scored = criteria.Where(c => candidate.ConsensusScores.ContainsKey(c.Id)).ToList();
        var exact = scored.Aggregate(BigInteger.Zero, (sum, c) => sum + candidate.ConsensusScores[c.Id] * (BigInteger)c.WeightPercent * (denominator / c.ScaleMax));
        var total = Math.Round(scored.Sum(c => Contribution(candidate.ConsensusScores[c.Id], c)), 10);
        var below = criteria.Where(c => c.MinimumScore is { } min && candidate.ConsensusScores.TryGetValue(c.Id, out var s) && s < min)
            .Select(c => c.Code).ToList();
        var standing = candidate.Knockout switch
        {
            KnockoutVerdict.Failed => CandidateStanding.KnockedOut,
            _ when below.Count > 0 => CandidateStanding.Unsuitable,
            KnockoutVerdict.Pending => CandidateStanding.Incomplete,
            _ when criteria.Any(c => !candidate.ConsensusScores.ContainsKey(c.Id)) => CandidateStanding.Incomplete,
            _ => CandidateStanding.Ranked,
        };
        return new Assessed(candidate, standing, exact, total, below);
    }

    private static bool Same(Assessed a, Assessed b, IReadOnlyList<RankingCriterion> tieOrder) =>
        a.Exact == b.Exact && new TieComparer(tieOrder).Compare(a.Candidate, b.Candidate) == 0;

    private sealed class TieComparer(IReadOnlyList<RankingCriterion> tieOrder) : IComparer<RankingCandidate>
    {
        public int Compare(RankingCandidate? x, RankingCandidate? y)
        {
            foreach (var criterion in tieOrder)
            {
                var compared = x!.ConsensusScores[criterion.Id].CompareTo(y!.ConsensusScores[criterion.Id]);
                if (compared != 0)
                {
                    return compared;
                }
            }
            return 0;
        }
    }
}
