using System.Text.Json.Nodes;
using TenderFlow.Domain.Award;

namespace TenderFlow.Web.Features.Ocds;

/// <summary>
/// Awards and the contract as of a moment: status and dates, the supplier only once the award is final (as on the public
/// award notice), never the reasons, scores or assessments, and the contract's base term and extension options.
/// </summary>
public sealed class OcdsAwardBuilder(OcdsSnapshot snapshot, string ocid)
{
    public JsonArray Awards(DateTime at, OcdsParties parties)
    {
        var awards = new JsonArray();
        var announced = snapshot.Awards.Where(a => a.AnnouncedAtUtc <= at).ToList();
        var withdrawn = Withdrawn(at);
        for (var i = 0; i < announced.Count; i++)
        {
            var decision = announced[i];
            var status = decision.RevisedAtUtc <= at || withdrawn ? "cancelled" : decision.FinalAwardAtUtc <= at ? "active" : "pending";
            var award = new JsonObject
            {
                ["id"] = AwardId(i),
                ["title"] = "Gunningsbeslissing",
                ["description"] = status switch
                {
                    "pending" => "Voorgenomen gunning; de opschortende termijn loopt. De begunstigde wordt bekendgemaakt na definitieve gunning.",
                    "cancelled" when withdrawn && !(decision.RevisedAtUtc <= at) => "De aanbesteding is ingetrokken.",
                    "cancelled" => "Gunningsbeslissing herzien.",
                    _ => "Definitief gegund.",
                },
                ["status"] = status,
                ["date"] = OcdsFormat.Date(status == "active" ? decision.FinalAwardAtUtc!.Value : decision.AnnouncedAtUtc),
            };
            if (status == "active" && snapshot.Candidates.FirstOrDefault(c => c.ApplicationId == decision.ApplicationId) is { } winner)
            {
                award["suppliers"] = new JsonArray(winner.Members.Select(o => (JsonNode)parties.Add(snapshot.Organisations.At(o, at), "supplier")).ToArray());
                if (ContractPeriod(snapshot, at) is { } period)
                {
                    award["contractPeriod"] = period;
                }
            }
            awards.Add(award);
        }
        return awards;
    }

    public JsonArray Contracts(DateTime at, string phase)
    {
        var contracts = new JsonArray();
        var final = snapshot.Awards.Select((a, i) => (a, i)).LastOrDefault(x => x.a.RevisedAtUtc is null && x.a.FinalAwardAtUtc <= at);
        if (snapshot.ContractAt(at) is not { } contract || final.a is null)
        {
            return contracts;
        }
        contracts.Add(new JsonObject
        {
            ["id"] = $"{ocid}-contract-1",
            ["awardID"] = AwardId(final.i),
            ["title"] = $"Overeenkomst {snapshot.Tender.Title}",
            ["description"] = Terms(contract, DecisionsBy(at)),
            ["status"] = Withdrawn(at) ? "cancelled" : phase == "awarded" ? "active" : "pending",
            ["period"] = ContractPeriod(snapshot, at),
        });
        return contracts;
    }

    /// <summary>
    /// Start and end of the base term (plus options exercised by then), and <c>maxExtentDate</c>: the end if every extension
    /// option is exercised. Core OCDS 1.1.5 has no field for options, so they are named in the contract's description.
    /// </summary>
    public static JsonObject? ContractPeriod(OcdsSnapshot snapshot, DateTime at)
    {
        if (snapshot.ContractAt(at) is not { } contract)
        {
            return null;
        }
        var exercised = snapshot.Extensions.Where(x => x.DecidedAtUtc <= at && x.Exercised).Select(x => x.Option).ToHashSet();
        var options = contract.Options;
        var years = contract.BaseTermYears + options.Where((_, i) => exercised.Contains(i + 1)).Sum();
        return new JsonObject
        {
            ["startDate"] = OcdsFormat.StartOfDay(contract.StartDate),
            ["endDate"] = OcdsFormat.EndOfDay(contract.StartDate.AddYears(years).AddDays(-1)),
            ["maxExtentDate"] = OcdsFormat.EndOfDay(contract.StartDate.AddYears(contract.TotalTermYears).AddDays(-1)),
        };
    }

    private IReadOnlyList<ExtensionDecision> DecisionsBy(DateTime at) => snapshot.Extensions.Where(x => x.DecidedAtUtc <= at).ToList();

    private static string Terms(ContractRecord contract, IReadOnlyList<ExtensionDecision> decisions)
    {
        var options = contract.Options;
        var text = $"Basislooptijd {contract.BaseTermYears} jaar";
        text += options.Count == 0 ? ", zonder verlengingsopties." : $", met {options.Count} verlengingsoptie(s) van {string.Join(" + ", options)} jaar (totaal maximaal {contract.TotalTermYears} jaar).";
        if (contract.MaximumTermYears is { } max)
        {
            text += $" Maximale looptijd volgens de aanbesteding: {max} jaar.";
        }
        foreach (var decision in decisions)
        {
            text += $" Optie {decision.Option}: {(decision.Exercised ? "gebruikt" : "niet gebruikt")} ({OcdsFormat.Date(decision.DecidedAtUtc)[..10]}).";
        }
        return text;
    }

    private string AwardId(int index) => $"{ocid}-award-{index + 1}";

    /// <summary>Procurement withdrew the tender (<c>cancel</c>, possible until the contract runs): no award or contract stands.</summary>
    private bool Withdrawn(DateTime at) => snapshot.Steps("cancel").Any(d => d <= at);
}
