using TenderFlow.Domain.Award;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Web.Features.Assessment;
using TenderFlow.Web.Features.Award;
using TenderFlow.Web.Features.Award.Objections;
using TenderFlow.Web.Features.Documents.Pdf;

namespace TenderFlow.Web.Tests.Award;

public sealed class AwardLetterTests
{
    private static readonly Tender Tender = new()
    {
        Id = Guid.NewGuid(), Reference = "UTR-2027-SB", Title = "Specialistische begeleiding Utrecht", DefinitionId = "sas-dialogue", DefinitionVersion = 2,
        DefinitionHash = "h", Phase = "awardStandstill",
    };

    // Sent Friday 4 June 2027 (summer time): 20 calendar days from the next day end at 24:00 on 24 June, 22:00 UTC.
    private static readonly DateTime Sent = new(2027, 6, 4, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2027, 6, 24, 22, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_letter_states_the_reasons_the_judgements_per_criterion_and_the_standstill_end_in_Amsterdam_time()
    {
        var judgements = new List<CriterionJudgement>
        {
            new("Q1", "Gedeelde benadering", "Shared approach", true, "Heldere visie op de beweging naar voren."),
            new("Q2", "Trajectregie", "Trajectory direction", true, "Eén regisseur per inwoner, ook in Overvecht."),
        };
        var text = AwardLetterBuilder.Build(new AwardLetterContent(Tender, "Zorgcoöperatie Lunetten", ["Zorgcoöperatie Lunetten"],
            "De inschrijving voldoet op alle criteria.", judgements, End, Sent), "nl").PlainText();

        Assert.Contains("De inschrijving voldoet op alle criteria.", text);
        Assert.Contains("Eén regisseur per inwoner, ook in Overvecht.", text);
        Assert.Contains("Trajectregie", text);
        Assert.Equal("2027-06-25 00:00", AmsterdamTime.Format(End));
        Assert.Contains("eindigt op 2027-06-25 00:00 (Europe/Amsterdam)", text);
        Assert.Contains("bezwaar", text);
    }

    [Fact]
    public void Without_judgements_per_criterion_the_letter_says_so_and_still_gives_the_reasons_in_English_too()
    {
        var text = AwardLetterBuilder.Build(new AwardLetterContent(Tender, "Zorgcoöperatie Lunetten", ["Zorgcoöperatie Lunetten"],
            "Sufficient on every criterion.", [], End, Sent), "en").PlainText();
        Assert.Contains("Sufficient on every criterion.", text);
        Assert.Contains("No judgements per criterion have been recorded", text);
        Assert.Contains("ends at 2027-06-25 00:00 (Europe/Amsterdam)", text);
    }

    [Fact]
    public void The_objection_outcome_letter_names_a_deviation_from_the_advice()
    {
        var objection = new Objection
        {
            Id = Guid.NewGuid(), TenderId = Tender.Id, Decision = ObjectedDecision.Award, FiledByUserId = "u", Grounds = "K2 onvoldoende gemotiveerd.",
            FiledAtUtc = Sent, Status = ObjectionStatus.Rejected, AdviceUphold = true, AdviceReasoning = "Motivering ontbreekt.",
            ResolutionReasoning = "De motivering staat in bijlage 3.", DeviationReason = "Legal zag bijlage 3 over het hoofd.",
        };
        var text = ObjectionLetterBuilder.Build(Tender, objection, "Zorgcoöperatie Lunetten", "nl").PlainText();
        Assert.Contains("ongegrond", text);
        Assert.Contains("Legal zag bijlage 3 over het hoofd.", text);
        Assert.Contains("K2 onvoldoende gemotiveerd.", text);
    }
}
