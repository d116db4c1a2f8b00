using TenderFlow.Domain.Award;
using TenderFlow.Domain.Consultation;
using TenderFlow.Domain.Organisations;
using TenderFlow.Domain.Questions;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Features.Ocds;

/// <summary>A document the public may download, with the moment it became (and, if replaced, stopped being) the current public version.</summary>
public sealed record OcdsFile(Guid DocumentId, string Title, string DocumentType, string FileName, string ContentType, DateTime PublicFromUtc, DateTime? ReplacedAtUtc)
{
    public bool CurrentAt(DateTime atUtc) => PublicFromUtc <= atUtc && (ReplacedAtUtc is null || ReplacedAtUtc > atUtc);
}

/// <summary>A candidate (single organisation or consortium) with its member organisations, lead first.</summary>
public sealed record OcdsCandidate(Guid ApplicationId, string? ConsortiumName, IReadOnlyList<Organisation> Members);

/// <summary>
/// Everything the export may show about one tender, loaded once: only material that is published (or would be, once the
/// tender is announced). Nothing confidential is loaded here, so nothing confidential can be written out.
/// </summary>
public sealed record OcdsSnapshot(
    Tender Tender,
    IReadOnlyList<HistoryEvent> History,
    IReadOnlyList<ConsultationSession> Sessions,
    IReadOnlyList<OcdsFile> SessionReports,
    IReadOnlyList<OcdsFile> TenderDocuments,
    IReadOnlyList<Question> PublishedQuestions,
    IReadOnlyList<OcdsCandidate> Candidates,
    IReadOnlyList<AwardDecision> Awards,
    ContractRecord? Contract,
    IReadOnlyList<ExtensionDecision> Extensions,
    OcdsOrganisationHistory Organisations)
{
    /// <summary>When the first step with this trigger was taken, or null.</summary>
    public DateTime? FirstStep(string trigger) => Steps(trigger).Cast<DateTime?>().FirstOrDefault();

    public DateTime? LastStep(string trigger) => Steps(trigger).Cast<DateTime?>().LastOrDefault();

    public IEnumerable<DateTime> Steps(string trigger) =>
        History.Where(h => h.Event.Action == TenderHistory.StepAction && OcdsStages.Trigger(h.Event.PayloadJson) == trigger).Select(h => h.Event.OccurredAtUtc);

    public DateTime? FirstEvent(string action) =>
        History.Where(h => h.Event.Action == action).Select(h => (DateTime?)h.Event.OccurredAtUtc).FirstOrDefault();

    /// <summary>
    /// The contract as recorded by that moment, read from the last <c>contract.recorded</c> or <c>contract.corrected</c> event by then: a later
    /// correction must not rewrite a release that was already published.
    /// </summary>
    public ContractRecord? ContractAt(DateTime at)
    {
        if (History.LastOrDefault(h => h.Event.Action is "contract.recorded" or "contract.corrected" && h.Event.OccurredAtUtc <= at) is not { } recorded)
        {
            return null;
        }
        using var json = System.Text.Json.JsonDocument.Parse(recorded.Event.PayloadJson);
        var terms = json.RootElement;
        return new ContractRecord
        {
            TenderId = Tender.Id, RecordedByUserId = recorded.Event.ActorId, RecordedAtUtc = recorded.Event.OccurredAtUtc,
            StartDate = DateOnly.ParseExact(terms.GetProperty("startDate").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            BaseTermYears = terms.GetProperty("baseTermYears").GetInt32(),
            OptionYears = string.Join(",", terms.GetProperty("extensionOptions").EnumerateArray().Select(o => o.GetInt32())),
            MaximumTermYears = terms.GetProperty("maximumTermYears") is { ValueKind: System.Text.Json.JsonValueKind.Number } max ? max.GetInt32() : null,
        };
    }
}
