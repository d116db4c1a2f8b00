namespace TenderFlow.Web.Features.Ocds;

/// <summary>Configuration section <c>Ocds</c>: who publishes the data and under which ocid prefix.</summary>
public sealed class OcdsOptions
{
    public const string Section = "Ocds";

    /// <summary>
    /// A registered prefix has the form <c>ocds-</c> plus six characters (issued by the Open Contracting Partnership).
    /// The default is deliberately not of that form, so it can never be mistaken for (or collide with) a registered one.
    /// </summary>
    public string OcidPrefix { get; set; } = "ocds-tenderflow";

    public string PublisherName { get; set; } = "Gemeente Utrecht";

    /// <summary>The contracting authority (buyer and procuring entity); the demo's municipality.</summary>
    public string BuyerName { get; set; } = "Gemeente Utrecht";

    /// <summary>Optional KvK number of the buyer; without it the buyer party carries no identifier.</summary>
    public string? BuyerKvkNumber { get; set; }

    /// <summary>
    /// The public address of this TenderFlow (e.g. https://aanbestedingen.utrecht.nl) for package and download URLs.
    /// Unset, the address of the request is used.
    /// </summary>
    public string? PublicBaseUri { get; set; }

    /// <summary>Optional licence URI of the published data (e.g. a CC0 or CC-BY URI).</summary>
    public string? License { get; set; }
}
