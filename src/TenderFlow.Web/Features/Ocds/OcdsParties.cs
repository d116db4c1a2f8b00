using System.Text.Json.Nodes;
using TenderFlow.Domain.Organisations;

namespace TenderFlow.Web.Features.Ocds;

/// <summary>The parties of a release: the buyer, and organisations with their roles (the supplier), identified by KvK number.</summary>
public sealed class OcdsParties(OcdsOptions options)
{
    public const string BuyerPartyId = "buyer";

    private readonly Dictionary<string, (JsonObject Party, SortedSet<string> Roles)> _parties = new(StringComparer.Ordinal);

    public JsonObject BuyerReference => new() { ["id"] = BuyerId, ["name"] = options.BuyerName };

    private string BuyerId => options.BuyerKvkNumber is { } kvk ? OcdsFormat.Kvk(kvk) : BuyerPartyId;

    public void AddBuyer()
    {
        var party = new JsonObject { ["name"] = options.BuyerName, ["id"] = BuyerId };
        if (options.BuyerKvkNumber is { } kvk)
        {
            party["identifier"] = new JsonObject { ["scheme"] = OcdsFormat.KvkScheme, ["id"] = kvk, ["legalName"] = options.BuyerName };
        }
        Add(BuyerId, party, "buyer", "procuringEntity");
    }

    /// <summary>Adds (or adds roles to) an organisation; returns its organisation reference.</summary>
    public JsonObject Add(Organisation organisation, params string[] roles)
    {
        var id = KvkNumber.IsValid(organisation.KvkNumber) ? OcdsFormat.Kvk(organisation.KvkNumber) : $"org-{organisation.Id:N}";
        var party = new JsonObject
        {
            ["name"] = organisation.Name,
            ["id"] = id,
            ["address"] = new JsonObject
            {
                ["streetAddress"] = organisation.Address, ["locality"] = organisation.City, ["postalCode"] = organisation.PostalCode, ["countryName"] = "Nederland",
            },
        };
        if (KvkNumber.IsValid(organisation.KvkNumber))
        {
            party["identifier"] = new JsonObject { ["scheme"] = OcdsFormat.KvkScheme, ["id"] = organisation.KvkNumber, ["legalName"] = organisation.Name };
        }
        Add(id, party, roles);
        return new JsonObject { ["id"] = id, ["name"] = organisation.Name };
    }

    private void Add(string id, JsonObject party, params string[] roles)
    {
        if (!_parties.TryGetValue(id, out var entry))
        {
            entry = (party, new SortedSet<string>(StringComparer.Ordinal));
            _parties[id] = entry;
        }
        entry.Roles.UnionWith(roles);
    }

    public JsonArray ToJson()
    {
        var array = new JsonArray();
        foreach (var (party, roles) in _parties.Values)
        {
            party["roles"] = new JsonArray(roles.Select(r => (JsonNode)JsonValue.Create(r)).ToArray());
            array.Add(party);
        }
        return array;
    }
}
