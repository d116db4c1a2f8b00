using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Publication;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Seed;

/// <summary>
/// The demo tender's selection guideline, from the nota van uitgangspunten (ch. 4 and the appendix): experience
/// requirements on several forms of Wmo support, city-wide coverage and neighbourhood teams; the vision scored on
/// reform and expected delivery qualities. The nota names no weights; 40/35/25 is the demo's choice.
/// </summary>
public static class PublicationDemoSeed
{
    private static readonly DescriptorInput[] Scale =
    [
        new(0, "Geen of een onbruikbare visie.", "No vision, or an unusable one."),
        new(2, "Zwak: de visie raakt de beweging nauwelijks.", "Weak: the vision hardly addresses the movement."),
        new(4, "Matig: op onderdelen passend, maar weinig concreet.", "Moderate: partly fitting but hardly concrete."),
        new(6, "Voldoende: passend en herkenbaar uitgewerkt.", "Sufficient: fitting and recognisably worked out."),
        new(8, "Goed: overtuigend, concreet en onderbouwd met ervaring.", "Good: convincing, concrete and backed by experience."),
        new(10, "Uitstekend: vernieuwend, concreet en aantoonbaar uitvoerbaar.", "Excellent: innovative, concrete and demonstrably feasible."),
    ];

    public static GuidelineInput Guideline { get; } = new(
    [
        new("G1", "De aanbieder (of de combinatie) toont met referenties aan dat zij de afgelopen vijf jaar ten minste drie van de vormen individuele begeleiding, thuisbegeleiding, beschermd thuis, dagbegeleiding en arbeidsmatige activering heeft geleverd.",
            "The provider (or consortium) shows with references that in the past five years it delivered at least three of: individual support, home support, protected living at home, day support and work-oriented activation."),
        new("G2", "De aanbieder (of de combinatie) kan de specialistische begeleiding stadsbreed leveren, in alle tien Utrechtse wijken; de capaciteit van leden van een combinatie mag worden opgeteld.",
            "The provider (or consortium) can deliver specialised support city-wide, in all ten Utrecht districts; the capacity of consortium members may be added up."),
        new("G3", "De aanbieder heeft ervaring met het werken in en het maken van afspraken met integrale, wijkgerichte teams.",
            "The provider has experience working in, and making agreements with, integrated neighbourhood teams."),
        new("G4", "De aanbieder heeft aantoonbare expertise met ten minste psychische kwetsbaarheid (waaronder EPA), (licht) verstandelijke beperking en niet-aangeboren hersenletsel.",
            "The provider has demonstrable expertise with at least psychological vulnerability (including severe mental illness), (mild) intellectual disability and acquired brain injury."),
    ],
    [
        new("K1", "Hervormingskwaliteit: visie op de beweging naar voren", "Reform quality: vision on the movement forward",
            "Hoe maakt de aanbieder samen met inwoners, gebiedsteams en de sociale basis de beweging naar voren: normaliseren, herstel en inclusie, passend en collectief aanbod?",
            "How does the provider, with residents, neighbourhood teams and the social base, make the movement forward: normalisation, recovery and inclusion, a fitting and collective offer?",
            40, 0, 10, 6, Scale),
        new("K2", "Verwachte uitvoeringskwaliteit", "Expected delivery quality",
            "Hoe garandeert de aanbieder stadsdekkende, wijkgerichte uitvoering, kortere wachttijden (ten hoogste 14 dagen) en trajectregie wanneer meerdere partijen één inwoner ondersteunen?",
            "How does the provider guarantee city-wide, neighbourhood-based delivery, shorter waiting times (at most 14 days) and trajectory direction when several parties support one resident?",
            35, 0, 10, null, Scale),
        new("K3", "Samenwerking, ervaringskennis en partnerschap", "Cooperation, lived experience and partnership",
            "Hoe bedt de aanbieder ervaringskennis en -deskundigheid in, werkt zij domeinoverstijgend samen en geeft zij invulling aan partnerschap met de gemeente?",
            "How does the provider embed lived-experience knowledge, cooperate across domains and shape partnership with the municipality?",
            25, 0, 10, null, Scale),
    ]);

    /// <summary>Writes the guideline and marks it published (it becomes public when the tender enters publication), audited as Procurement.</summary>
    public static async Task SeedAsync(TenderFlowDbContext db, AuditTrail trail, TimeProvider clock, Guid tenderId, Actor buyer, CancellationToken cancellationToken)
    {
        if (GuidelineRules.CheckPublishable(Guideline) is { } broken)
        {
            throw new InvalidOperationException($"The demo selection guideline is invalid: {broken.Rule} {broken.Message.En}");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = 0;
        foreach (var r in Guideline.Requirements!)
        {
            db.SelectionRequirements.Add(new SelectionRequirement { Id = Guid.NewGuid(), TenderId = tenderId, Code = r.Code!, TextNl = r.TextNl!, TextEn = r.TextEn, Order = ++order });
        }
        order = 0;
        foreach (var c in Guideline.Criteria!)
        {
            var criterion = new SelectionCriterion
            {
                Id = Guid.NewGuid(), TenderId = tenderId, Code = c.Code!, TitleNl = c.TitleNl!, TitleEn = c.TitleEn, DescriptionNl = c.DescriptionNl,
                DescriptionEn = c.DescriptionEn, WeightPercent = c.WeightPercent, ScaleMin = c.ScaleMin, ScaleMax = c.ScaleMax, MinimumScore = c.MinimumScore, Order = ++order,
            };
            criterion.Descriptors.AddRange(c.Descriptors!.Select(d => new ScaleDescriptor { Score = d.Score, TextNl = d.TextNl!, TextEn = d.TextEn }));
            db.SelectionCriteria.Add(criterion);
        }
        db.GuidelinePublications.Add(new GuidelinePublication { TenderId = tenderId, PublishedAtUtc = clock.GetUtcNow().UtcDateTime, PublishedByUserId = buyer.Id });
        await trail.AppendAsync(db, buyer.Id, Roles.Procurement, tenderId,
        [
            new AuditRecord("guideline.saved", $"tender/{tenderId}/guideline", new
            {
                requirements = Guideline.Requirements!.Select(r => new { code = r.Code, textNl = r.TextNl }),
                criteria = Guideline.Criteria!.Select(c => new { code = c.Code, titleNl = c.TitleNl, weightPercent = c.WeightPercent, c.ScaleMin, c.ScaleMax, c.MinimumScore }),
            }),
            new AuditRecord("guideline.published", $"tender/{tenderId}/guideline", new
            {
                requirements = Guideline.Requirements!.Select(r => r.Code),
                criteria = Guideline.Criteria!.Select(c => new { c.Code, c.WeightPercent, c.ScaleMin, c.ScaleMax, c.MinimumScore }),
            }),
        ], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
