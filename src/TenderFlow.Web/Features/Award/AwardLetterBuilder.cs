using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Web.Features.Assessment;
using TenderFlow.Web.Features.Documents.Pdf;

namespace TenderFlow.Web.Features.Award;

public sealed record AwardLetterContent(Tender Tender, string ParticipantName, IReadOnlyList<string> Members, string Reasons,
    IReadOnlyList<CriterionJudgement> Judgements, DateTime StandstillEndUtc, DateTime SentAtUtc);

/// <summary>The award decision letter to the participant: the intention to award, the reasons, the standstill end and how to object.</summary>
public static class AwardLetterBuilder
{
    public static PdfReport Build(AwardLetterContent content, string language)
    {
        string L(string nl, string en) => language == "en" ? en : nl;
        var tender = content.Tender;
        var end = AmsterdamTime.Format(content.StandstillEndUtc);
        var blocks = new List<PdfBlock>
        {
            new PdfFacts([
                new(L("Kenmerk", "Reference"), tender.Reference),
                new(L("Aanbesteding", "Tender"), tender.Title),
                new(L("Aan", "To"), content.ParticipantName),
                new(L("Leden", "Members"), string.Join(", ", content.Members)),
                new(L("Verzonden", "Sent"), AmsterdamTime.Format(content.SentAtUtc) + " (Europe/Amsterdam)"),
                new(L("Einde opschortende termijn", "End of the standstill period"), end + " (Europe/Amsterdam)"),
            ]),
            new PdfParagraph(L(
                $"Wij delen u mee dat wij voornemens zijn de opdracht aan {content.ParticipantName} te gunnen. Dit is een voorlopige gunningsbeslissing: de definitieve gunning volgt niet eerder dan na afloop van de opschortende termijn.",
                $"We inform you that we intend to award the contract to {content.ParticipantName}. This is a provisional award decision: the final award follows no earlier than the end of the standstill period.")),
            new PdfHeading(L("Redenen van de beslissing", "Reasons for the decision")),
            new PdfParagraph(content.Reasons),
        };
        blocks.Add(new PdfHeading(L("Beoordeling van de kwaliteit per criterium", "Quality assessment per criterion")));
        if (content.Judgements.Count == 0)
        {
            blocks.Add(new PdfParagraph(L("Er zijn geen oordelen per criterium vastgelegd; de redenen hierboven zijn volledig.",
                "No judgements per criterion have been recorded; the reasons above are complete.")));
        }
        else
        {
            blocks.Add(new PdfTable([L("Criterium", "Criterion"), L("Oordeel", "Judgement"), L("Motivering", "Motivation")],
                content.Judgements.Select(j => (IReadOnlyList<string>)[
                    language == "en" ? j.TitleEn : j.TitleNl,
                    j.Sufficient ? L("voldoende", "sufficient") : L("onvoldoende", "insufficient"),
                    j.Motivation,
                ]).ToList(), [3, 1, 4]));
        }
        blocks.Add(new PdfHeading(L("Opschortende termijn en bezwaar", "Standstill period and objections")));
        blocks.Add(new PdfParagraph(L(
            $"De opschortende termijn bedraagt 20 kalenderdagen, te rekenen vanaf de dag na verzending van deze brief, en eindigt op {end} (Europe/Amsterdam). Tot dat moment kunt u via het portaal TenderFlow (pagina Gunning van deze aanbesteding) schriftelijk en gemotiveerd bezwaar maken tegen deze beslissing, eventueel met een bijlage, of een kort geding aanhangig maken bij de voorzieningenrechter van de rechtbank Midden-Nederland. Juridische zaken adviseert over een bezwaar, het inkoopteam beslist. Zolang een tijdig bezwaar niet is afgehandeld, gunt de gemeente niet definitief.",
            $"The standstill period is 20 calendar days, counted from the day after this letter was sent, and ends at {end} (Europe/Amsterdam). Until then you may object to this decision in writing, with reasons and optionally an attachment, through the TenderFlow portal (the Award page of this tender), or start summary proceedings before the preliminary relief judge of the Midden-Nederland district court. Legal advises on an objection, the procurement team decides. As long as a timely objection has not been decided, the municipality does not award definitively.")));
        return new PdfReport(L($"Gunningsbeslissing — {tender.Title}", $"Award decision — {tender.Title}"),
            L($"Gemeente Utrecht · {tender.Reference} · gunningsbeslissing", $"Municipality of Utrecht · {tender.Reference} · award decision"), blocks);
    }
}
