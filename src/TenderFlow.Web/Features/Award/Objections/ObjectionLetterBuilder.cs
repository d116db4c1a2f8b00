using TenderFlow.Domain.Award;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Web.Features.Documents.Pdf;

namespace TenderFlow.Web.Features.Award.Objections;

/// <summary>The decision on one objection, to the objector only: its grounds, Legal's advice, Procurement's decision and reasons.</summary>
public static class ObjectionLetterBuilder
{
    public static PdfReport Build(Tender tender, Objection objection, string objector, string language)
    {
        string L(string nl, string en) => language == "en" ? en : nl;
        var upheld = objection.Status == ObjectionStatus.Upheld;
        var decision = objection.Decision == ObjectedDecision.Award ? L("gunningsbeslissing", "award decision") : L("selectiebeslissing", "selection decision");
        var blocks = new List<PdfBlock>
        {
            new PdfFacts([
                new(L("Kenmerk", "Reference"), tender.Reference),
                new(L("Aanbesteding", "Tender"), tender.Title),
                new(L("Aan", "To"), objector),
                new(L("Bezwaar tegen", "Objection against"), decision),
                new(L("Ingediend", "Filed"), AmsterdamTime.Format(objection.FiledAtUtc) + " (Europe/Amsterdam)"),
                new(L("Beslissing", "Decision"), upheld ? L("gegrond", "upheld") : L("ongegrond", "rejected")),
            ]),
            new PdfHeading(L("Uw gronden", "Your grounds")),
            new PdfParagraph(objection.Grounds),
            new PdfHeading(L("Advies van Juridische zaken", "Advice of Legal")),
            new PdfParagraph($"{(objection.AdviceUphold == true ? L("Gegrond verklaren", "Uphold") : L("Ongegrond verklaren", "Reject"))}: {objection.AdviceReasoning}"),
            new PdfHeading(L("Beslissing en motivering", "Decision and reasons")),
            new PdfParagraph(objection.ResolutionReasoning ?? ""),
        };
        if (objection.DeviationReason is { } deviation)
        {
            blocks.Add(new PdfHeading(L("Reden om af te wijken van het advies", "Reason for deviating from the advice")));
            blocks.Add(new PdfParagraph(deviation));
        }
        blocks.Add(new PdfParagraph(upheld
            ? L($"Uw bezwaar is gegrond. De gemeente herziet de {decision}; u ontvangt de herziene beslissing met een nieuwe opschortende termijn.",
                $"Your objection is upheld. The municipality revises the {decision}; you will receive the revised decision with a new standstill period.")
            : L("Uw bezwaar is ongegrond. De procedure wordt voortgezet. U kunt zich wenden tot de voorzieningenrechter van de rechtbank Midden-Nederland.",
                "Your objection is rejected. The procedure continues. You may turn to the preliminary relief judge of the Midden-Nederland district court.")));
        return new PdfReport(L($"Beslissing op bezwaar — {tender.Title}", $"Decision on objection — {tender.Title}"),
            L($"Gemeente Utrecht · {tender.Reference} · beslissing op bezwaar", $"Municipality of Utrecht · {tender.Reference} · decision on objection"), blocks);
    }
}
