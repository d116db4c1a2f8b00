namespace TenderFlow.Web.Tests.Publication;

/// <summary>A valid, publishable guideline (weights 40 + 35 + 25) and variations on it.</summary>
public static class GuidelineJson
{
    public static object Valid(int lastWeight = 25, int scaleMin = 0, int scaleMax = 10, int? minimum = 4, int descriptorScore = 10, string secondCode = "K2") => new
    {
        requirements = new[]
        {
            new { code = "G1", textNl = "Aantoonbare ervaring met ten minste drie vormen van Wmo-begeleiding in de afgelopen vijf jaar.", textEn = (string?)null },
            new { code = "G2", textNl = "Ervaring met samenwerking met integrale, wijkgerichte teams.", textEn = (string?)null },
        },
        criteria = new object[]
        {
            Criterion("K1", "Visie op de beweging naar voren", 40, scaleMin, scaleMax, minimum, descriptorScore),
            Criterion(secondCode, "Verwachte uitvoeringskwaliteit", 35, 0, 10, null, 5),
            Criterion("K3", "Samenwerking en ervaringskennis", lastWeight, 0, 10, null, 0),
        },
    };

    private static object Criterion(string code, string title, int weight, int min, int max, int? minimum, int descriptorScore) => new
    {
        code, titleNl = title, weightPercent = weight, scaleMin = min, scaleMax = max, minimumScore = minimum,
        descriptors = new[] { new { score = descriptorScore, textNl = "Omschrijving" } },
    };
}
