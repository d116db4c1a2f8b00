using TenderFlow.Domain.Assessment;
using TenderFlow.Domain.Tenders;

namespace TenderFlow.Domain.Tests.Assessment;

public sealed class QualityVerdictsTests
{
    private static readonly string[] Keys = ["dialogue-outcomes", "implementation-plan", "budget-plan"];

    private static QualityConsensus Consensus(string key, bool sufficient) =>
        new() { Id = Guid.NewGuid(), CriterionKey = key, Sufficient = sufficient, Motivation = "m", ChairUserId = "chair" };

    [Fact]
    public void Sufficient_only_when_every_criterion_has_a_sufficient_consensus()
    {
        Assert.Equal(QualityVerdict.Sufficient, QualityVerdicts.Decide(Keys, Keys.Select(k => Consensus(k, true)).ToList()));
        Assert.Equal(QualityVerdict.NotAssessed, QualityVerdicts.Decide(Keys, [Consensus("budget-plan", true), Consensus("implementation-plan", true)]));
        Assert.Equal(QualityVerdict.NotAssessed, QualityVerdicts.Decide(Keys, []));
    }

    [Fact]
    public void One_insufficient_consensus_makes_the_tender_insufficient_even_while_others_are_open()
    {
        Assert.Equal(QualityVerdict.Insufficient, QualityVerdicts.Decide(Keys, [Consensus("budget-plan", false)]));
        Assert.Equal(QualityVerdict.Insufficient, QualityVerdicts.Decide(Keys, Keys.Select((k, i) => Consensus(k, i != 2)).ToList()));
    }

    [Fact]
    public void A_consensus_on_a_key_outside_the_criteria_counts_for_nothing()
    {
        Assert.Equal(QualityVerdict.NotAssessed, QualityVerdicts.Decide(Keys, [Consensus("something-else", false)]));
    }
}
