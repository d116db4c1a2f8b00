using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TenderFlow.Domain.Tenders;

namespace TenderFlow.Web.Features.Ocds;

/// <summary>The OCDS 1.1.5 release package (one release per public change) and record package (linked releases + compiled release) of a tender.</summary>
public sealed class OcdsExport(OcdsSource source, IOptions<OcdsOptions> options)
{
    public const string Version = "1.1";

    public string Ocid(Tender tender) => $"{options.Value.OcidPrefix}-{tender.Reference}";

    public async Task<JsonObject> ReleasePackageAsync(Tender tender, string baseUri, CancellationToken ct)
    {
        var releases = await ReleasesAsync(tender, baseUri, ct);
        var package = Package(ReleasePackageUri(tender, baseUri), releases);
        package["releases"] = new JsonArray(releases.Select(r => (JsonNode)r).ToArray());
        return package;
    }

    public async Task<JsonObject> RecordPackageAsync(Tender tender, string baseUri, CancellationToken ct)
    {
        var releases = await ReleasesAsync(tender, baseUri, ct);
        var releasePackage = ReleasePackageUri(tender, baseUri);
        var package = Package($"{releasePackage}/record", releases);
        package["packages"] = new JsonArray(releasePackage);
        // The releases are snapshots of the whole public picture, so the newest one is the compiled release.
        var compiled = (JsonObject)releases[^1].DeepClone();
        compiled["id"] = $"{Ocid(tender)}-compiled";
        compiled["tag"] = new JsonArray("compiled");
        package["records"] = new JsonArray(new JsonObject
        {
            ["ocid"] = Ocid(tender),
            ["releases"] = new JsonArray(releases.Select(r => (JsonNode)new JsonObject
            {
                ["url"] = $"{releasePackage}#{r["id"]!.GetValue<string>()}",
                ["date"] = r["date"]!.DeepClone(),
                ["tag"] = r["tag"]!.DeepClone(),
            }).ToArray()),
            ["compiledRelease"] = compiled,
        });
        return package;
    }

    private async Task<IReadOnlyList<JsonObject>> ReleasesAsync(Tender tender, string baseUri, CancellationToken ct)
    {
        var snapshot = await source.LoadAsync(tender, ct);
        var builder = new OcdsReleaseBuilder(snapshot, options.Value, Ocid(tender), baseUri);
        var stages = OcdsStages.Of(snapshot);
        if (stages.Count == 0)
        {
            // A tender always has its creation event; this only guards against a trail that lost it.
            stages = [new OcdsStage(0, tender.CreatedAtUtc, tender.Phase, "planning")];
        }
        return stages.Select(builder.Build).ToList();
    }

    private JsonObject Package(string uri, IReadOnlyList<JsonObject> releases)
    {
        var package = new JsonObject
        {
            ["uri"] = uri,
            ["version"] = Version,
            ["extensions"] = new JsonArray(OcdsCodes.EnquiryExtension),
            // Generated on demand: the date of the last change to the content.
            ["publishedDate"] = releases[^1]["date"]!.DeepClone(),
            ["publisher"] = new JsonObject { ["name"] = options.Value.PublisherName },
        };
        if (options.Value.License is { } license)
        {
            package["license"] = license;
        }
        return package;
    }

    private static string ReleasePackageUri(Tender tender, string baseUri) => $"{baseUri}/api/tenders/{tender.Id}/ocds";
}
