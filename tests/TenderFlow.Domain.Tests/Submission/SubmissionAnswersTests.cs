using TenderFlow.Domain.Submission;

namespace TenderFlow.Domain.Tests.Submission;

public sealed class SubmissionAnswersTests
{
    [Fact]
    public void The_hash_ignores_budget_order_and_changes_with_any_answer()
    {
        var a = new SubmissionAnswers([new(2029, 2m), new(2028, 1m)], "b", "plan", true, "r");
        var b = new SubmissionAnswers([new(2028, 1.00m), new(2029, 2m)], "b", "plan", true, "r");
        Assert.Equal(a.Sha256(), b.Sha256());
        Assert.Matches("^[0-9a-f]{64}$", a.Sha256());
        Assert.NotEqual(a.Sha256(), (a with { ContractStartReady = false }).Sha256());
        Assert.NotEqual(a.Sha256(), (a with { ImplementationPlan = "plan " }).Sha256());
        Assert.NotEqual(a.Sha256(), (a with { Budget = [new(2028, 1m), new(2029, 2.01m)] }).Sha256());
    }

    [Fact]
    public void A_text_cannot_be_shifted_into_the_next_field_without_changing_the_hash()
    {
        var a = new SubmissionAnswers([], "x\nimplementationPlan:\"y\"", null, null, null);
        var b = new SubmissionAnswers([], "x", "y", null, null);
        Assert.NotEqual(a.Sha256(), b.Sha256());
    }
}
