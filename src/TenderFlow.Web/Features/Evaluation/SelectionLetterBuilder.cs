using System.Globalization;
using TenderFlow.Domain.Evaluation;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Web.Features.Documents.Pdf;

namespace TenderFlow.Web.Features.Evaluation;

/// <summary>What one candidate's letter is made of: its own assessment and (if it was not selected) the selected candidate's.</summary>
/// <param name="SelectionReason">Why the selection is not simply the unique rank 1 (a deviation, or the notary's lot): every candidate is told.</param>
public sealed record LetterContent(Tender Tender, IReadOnlyList<CriterionView> Criteria, RankingRow Addressee, RankingRow? Selected,
    IReadOnlyList<RequirementView> Requirements, IReadOnlyDictionary<Guid, IReadOnlyList<JudgementView>> Judgements, DateTime StandstillEndUtc,
    string? SelectionReason);

/// <summary>
/// The selection decision letter. Confidentiality by construction: it takes only the addressee's and the selected
/// candidate's rows, so another rejected candidate's scores cannot end up in it.
/// </summary>
public static class SelectionLetterBuilder
{
    public static PdfReport Build(LetterContent content, string language)
    {
        string L(string nl, string en) => language == "en" ? en : nl;
        var tender = content.Tender;
        var addressee = content.Addressee;
        var selected = addressee.Candidate.ApplicationId == content.Selected?.Candidate.ApplicationId;
        var standstill = AmsterdamTime.Format(content.StandstillEndUtc);
        var blocks = new List<PdfBlock>
        {
            new PdfFacts([
                new(L("Kenmerk", "Reference"), tender.Reference),
                new(L("Aanbesteding", "Tender"), tender.Title),
                new(L("Aan", "To"), addressee.Candidate.Name),
                new(L("Leden", "Members"), string.Join(", ", addressee.Candidate.Members)),
                new(L("Besluit", "Decision"), selected ? L("Geselecteerd", "Selected") : L("Niet geselecteerd", "Not selected")),
                new(L("Einde opschortende termijn", "End of the standstill period"), standstill + " (Europe/Amsterdam)"),
            ]),
            new PdfParagraph(selected
                ? L($"Wij delen u mee dat wij voornemens zijn {addressee.Candidate.Name} te selecteren als enige deelnemer aan de dialoogfase van deze aanbesteding.",
                    $"We inform you that we intend to select {addressee.Candidate.Name} as the sole participant in the dialogue phase of this tender.")
                : L($"Wij delen u mee dat wij voornemens zijn niet u, maar {content.Selected?.Candidate.Name} te selecteren. Hieronder vindt u uw beoordeling en die van de geselecteerde kandidaat.",
                    $"We inform you that we intend to select not you but {content.Selected?.Candidate.Name}. Below you find your assessment and that of the selected candidate.")),
        };
        if (content.SelectionReason is { } reason)
        {
            blocks.Add(new PdfHeading(L("Motivering van de keuze", "Reasons for the choice")));
            blocks.Add(new PdfParagraph(reason));
        }
        blocks.AddRange(Assessment(content, addressee, L(selected ? "Uw beoordeling" : "Uw beoordeling", "Your assessment"), language));
        if (!selected && content.Selected is { } winner)
        {
            blocks.AddRange(Assessment(content, winner, L($"Beoordeling van de geselecteerde kandidaat: {winner.Candidate.Name}", $"Assessment of the selected candidate: {winner.Candidate.Name}"), language));
        }
        blocks.Add(new PdfHeading(L("Berekening", "Calculation")));
        blocks.Add(new PdfParagraph(L(
            "Gewogen totaal = som over de criteria van (consensusscore / maximale score × weging). Een consensusscore onder de minimumscore van een criterium maakt de kandidaat ongeschikt; wie een ervaringseis niet haalt, wordt niet gescoord. Bij gelijke totalen wint de hoogste score op het zwaarst wegende criterium, dan het volgende; blijft het gelijk, dan beslist loting door een notaris.",
            "Weighted total = sum over the criteria of (consensus score / maximum score × weight). A consensus score below a criterion's minimum makes the candidate unsuitable; a candidate failing an experience requirement is not scored. On equal totals the higher score on the heaviest criterion wins, then the next; if still equal, a lot drawn by a notary decides.")));
        blocks.Add(new PdfHeading(L("Bezwaar en opschortende termijn", "Objections and standstill period")));
        blocks.Add(new PdfParagraph(L(
            $"Tot en met het einde van de opschortende termijn ({standstill}) kunt u via het portaal TenderFlow bezwaar maken tegen dit besluit of een kort geding aanhangig maken bij de voorzieningenrechter van de rechtbank Midden-Nederland. De gemeente zet de procedure niet voort voordat deze termijn is verstreken en op tijdig ingediende bezwaren is beslist.",
            $"Until the end of the standstill period ({standstill}) you may object to this decision through the TenderFlow portal or start summary proceedings before the preliminary relief judge of the Midden-Nederland district court. The municipality does not continue the procedure before this period has ended and timely objections have been decided.")));
        return new PdfReport(L($"Selectiebeslissing — {tender.Title}", $"Selection decision — {tender.Title}"),
            L($"Gemeente Utrecht · {tender.Reference} · selectiebeslissing", $"Municipality of Utrecht · {tender.Reference} · selection decision"), blocks);
    }

    private static IEnumerable<PdfBlock> Assessment(LetterContent content, RankingRow row, string heading, string language)
    {
        string L(string nl, string en) => language == "en" ? en : nl;
        yield return new PdfHeading(heading);
        var judgements = content.Judgements.GetValueOrDefault(row.Candidate.ApplicationId) ?? [];
        yield return new PdfTable([L("Eis", "Requirement"), L("Oordeel", "Verdict"), L("Motivering", "Motivation")],
            content.Requirements.Select(r =>
            {
                var own = judgements.Where(j => j.RequirementId == r.Id).ToList();
                var verdict = KnockoutRule.Verdict(own.Select(j => new KnockoutJudgement { EvaluatorUserId = j.EvaluatorUserId, IsSettlement = j.IsSettlement, Passed = j.Passed, Motivation = j.Motivation }));
                var counted = own.Any(j => j.IsSettlement) ? own.Where(j => j.IsSettlement) : own;
                return (IReadOnlyList<string>)[
                    $"{r.Code} {(language == "en" ? r.TextEn ?? r.TextNl : r.TextNl)}",
                    verdict switch { KnockoutVerdict.Passed => L("voldoet", "passed"), KnockoutVerdict.Failed => L("voldoet niet", "failed"), _ => L("niet beslist", "undecided") },
                    string.Join(" / ", counted.Select(j => j.Motivation).Distinct()),
                ];
            }).ToList(), [3, 1, 4]);
        if (row.Consensus.Count > 0)
        {
            yield return new PdfTable([L("Criterium", "Criterion"), L("Weging", "Weight"), L("Score", "Score"), L("Gewogen", "Weighted"), L("Motivering", "Motivation")],
                content.Criteria.Select(c =>
                {
                    var score = row.Consensus.SingleOrDefault(s => s.CriterionId == c.Id);
                    return (IReadOnlyList<string>)[
                        $"{c.Code} {(language == "en" ? c.TitleEn ?? c.TitleNl : c.TitleNl)}",
                        $"{c.WeightPercent}%",
                        score is null ? "—" : $"{score.Score} / {c.ScaleMax}",
                        score is null ? "—" : Points(Ranking.Contribution(score.Score, c.ForRanking(0)), language),
                        score?.Motivation ?? "",
                    ];
                }).ToList(), [3, 1, 1, 1, 4]);
        }
        yield return new PdfFacts([
            new(L("Gewogen totaal", "Weighted total"), Points(row.Total, language)),
            new(L("Uitkomst", "Outcome"), row.Standing switch
            {
                CandidateStanding.Ranked => L($"rang {row.Rank}", $"rank {row.Rank}"),
                CandidateStanding.KnockedOut => L("uitgesloten: voldoet niet aan een ervaringseis", "excluded: failed an experience requirement"),
                CandidateStanding.Unsuitable => L($"ongeschikt: onder de minimumscore op {string.Join(", ", row.BelowMinimum)}", $"unsuitable: below the minimum score on {string.Join(", ", row.BelowMinimum)}"),
                _ => L("beoordeling onvolledig", "assessment incomplete"),
            }),
        ]);
    }

    /// <summary>Two decimals in the reader's notation: 72,50 in Dutch, 72.50 in English.</summary>
    public static string Points(decimal value, string language) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.GetCultureInfo(language == "en" ? "en" : "nl"));
}
