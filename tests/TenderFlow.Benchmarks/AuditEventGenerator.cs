using System.Text.Json;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Benchmarks;

public sealed record GeneratedEvent(
    long Sequence, DateTime OccurredAtUtc, string ActorId, string ActorRole, Guid? TenderId, string Action, string Subject, string PayloadJson);

/// <summary>
/// Plausible audit events: the shapes the engine writes (trigger fired with guard outcomes, deadlines computed,
/// tender created, dialogue themes), serialised with the trail's own JSON options; payloads of roughly 200–400 bytes,
/// some Dutch text with non-ASCII letters, a few events without a tender. Deterministic for a given seed.
/// Payloads are serialised once into a pool and drawn from it, so that a million events do not spend most of their
/// making on JSON serialisation; times, actors, tenders, sequences and hashes differ per event.
/// </summary>
public sealed class AuditEventGenerator
{
    private static readonly (string Id, string Role)[] Actors =
    [
        ("user:m.jansen@gemeente-utrecht.nl", "Procurement"),
        ("user:s.bakker@gemeente-utrecht.nl", "Procurement"),
        ("user:a.el-amrani@gemeente-utrecht.nl", "Procurement"),
        ("user:j.de-vries@gemeente-utrecht.nl", "Legal"),
        ("user:f.öztürk@gemeente-utrecht.nl", "Procurement"),
        ("system:scheduler", "System"),
    ];

    private static readonly (string Trigger, string From, string To, string Guard, string Deadline, bool Objections)[] Triggers =
    [
        ("closeAdmissionRound", "admission", "review", "deadline.passed(roundClose)", "Admission round closes", false),
        ("completeReview", "review", "contracting", "deadline.passed(reviewDue)", "Review due", false),
        ("closeApplications", "publication", "selection", "deadline.passed(applicationsClose)", "Applications close", false),
        ("startDialogue", "selectionStandstill", "dialogue", "deadline.passed(selectionStandstillEnd)", "Selection standstill ends", true),
        ("closeSubmission", "submission", "assessment", "deadline.passed(submissionClose)", "Submission closes", false),
    ];

    private static readonly string[] Reasons =
    [
        "Nieuwe toetredingsronde: er zijn meer aanbieders nodig voor begeleiding in de wijk.",
        "Bezwaar gegrond verklaard door de commissie; selectiebeslissing wordt heroverwogen.",
        "Dialoog heropend op verzoek van de partner: thema reistijd cliënten vraagt nadere uitwerking.",
    ];

    private static readonly (string Key, string Title, string Outcome)[] Themes =
    [
        ("bereikbaarheid", "Bereikbaarheid en reistijd cliënten", "Maximaal 30 minuten reistijd; uitzonderingen in overleg met de wijkcoördinator."),
        ("privacy", "Privacy en gegevensuitwisseling", "Verwerkersovereenkomst volgens model VNG; geen gegevens buiten de EER."),
        ("tarieven", "Tarieven en indexatie", "Tarief per uur, jaarlijkse indexatie volgens OVA; geen tussentijdse herziening."),
    ];

    private const int PoolSize = 4096;

    private readonly Random _random;
    private readonly Guid[] _tenders;
    private readonly (string Action, string Payload)[] _payloads;
    private static readonly DateTime Start = new(2025, 1, 6, 7, 30, 0, DateTimeKind.Utc);
    private DateTime _now = Start;

    public AuditEventGenerator(int seed)
    {
        _random = new Random(seed);
        _tenders = Enumerable.Range(0, 400).Select(_ => new Guid(Bytes(16))).ToArray();
        _payloads = Enumerable.Range(0, PoolSize).Select(_ => NextPayload()).ToArray();
        _now = Start;
    }

    public GeneratedEvent Next(long sequence)
    {
        _now = _now.AddTicks(_random.NextInt64(TimeSpan.TicksPerSecond, 90 * TimeSpan.TicksPerSecond));
        var (actorId, role) = Actors[_random.Next(Actors.Length)];
        Guid? tender = _random.Next(50) == 0 ? null : _tenders[_random.Next(_tenders.Length)];
        var subject = tender is null ? "workflows/open-house" : $"tender/{tender}";
        var (action, payload) = _payloads[_random.Next(PoolSize)];
        return new GeneratedEvent(sequence, _now, actorId, role, tender, action, subject, payload);
    }

    private (string Action, string Payload) NextPayload()
    {
        _now = _now.AddMinutes(_random.Next(1, 600));
        var (action, payload) = _random.Next(100) switch
        {
            < 55 => ("tender.trigger.fired", TriggerFired()),
            < 80 => ("tender.deadlines.computed", DeadlinesComputed()),
            < 85 => ("tender.created", Created()),
            _ => ("dialogue.theme.agreed", ThemeAgreed()),
        };
        return (action, JsonSerializer.Serialize(payload, AuditTrail.PayloadJson));
    }

    private object TriggerFired()
    {
        var t = Triggers[_random.Next(Triggers.Length)];
        var due = _now.AddDays(-_random.Next(1, 20)).ToString("yyyy-MM-dd HH:mm", Report.Culture);
        return new
        {
            trigger = t.Trigger,
            from = t.From,
            to = t.To,
            reason = _random.Next(3) == 0 ? Reasons[_random.Next(Reasons.Length)] : null,
            guards = t.Objections
                ? new[]
                {
                    new { guard = t.Guard, met = true, En = $"The deadline '{t.Deadline}' has passed ({due})." },
                    new { guard = "objections.noneOpen", met = true, En = "No objection against the selection decision is open." },
                }
                : new[] { new { guard = t.Guard, met = true, En = $"The deadline '{t.Deadline}' has passed ({due})." } },
        };
    }

    private object DeadlinesComputed() => new
    {
        phase = "admission",
        deadlines = Enumerable.Range(0, _random.Next(2, 4)).Select(i => new
        {
            key = i switch { 0 => "roundClose", 1 => "reviewDue", _ => "contractStart" },
            fromUtc = _random.Next(3) == 0 ? (DateTime?)null : _now.AddDays(-_random.Next(30, 90)),
            toUtc = _now.AddDays(_random.Next(30, 90)),
        }).ToArray(),
    };

    private object Created() => new
    {
        reference = $"UTR-{_random.Next(2024, 2027)}-{_random.Next(1, 999):000}",
        title = "Wmo-maatwerkvoorzieningen begeleiding",
        definition = new { id = "open-house", version = 1, hash = Convert.ToHexStringLower(Bytes(32)) },
        phase = "preparation",
        deadlines = new[] { new { key = "contractEnd", dueAtUtc = (DateTime?)new DateTime(2030, 12, 31, 22, 59, 59, DateTimeKind.Utc) } },
    };

    private object ThemeAgreed()
    {
        var theme = Themes[_random.Next(Themes.Length)];
        return new
        {
            theme = theme.Key,
            title = theme.Title,
            outcome = theme.Outcome,
            partner = $"org:{_random.Next(1000, 9999)}",
            meeting = _now.AddDays(-_random.Next(1, 14)),
        };
    }

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}
