using TenderFlow.Domain.Audit;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Legal;

namespace TenderFlow.Web.Tests.Legal;

public sealed class TimelineFilterTests
{
    private static readonly Guid Wijkzorg = Guid.NewGuid();

    private static HistoryEvent Event(long sequence, string action, string phase, DateTime atUtc, string payload = "{}", string actor = "u1", Guid? organisation = null) =>
        new(new AuditEvent
        {
            Sequence = sequence, OccurredAtUtc = atUtc, ActorId = actor, ActorRole = "Legal", Action = action, Subject = $"tender/x/{sequence}",
            PayloadJson = payload, PreviousHash = "p", Hash = "h" + sequence,
        }, phase, actor + " naam", organisation, organisation is null ? null : "Wijkzorg");

    private static readonly IReadOnlyList<HistoryEvent> History =
    [
        Event(1, "tender.created", "consultation", new DateTime(2027, 3, 1, 8, 0, 0, DateTimeKind.Utc)),
        Event(2, "document.read", "publication", new DateTime(2027, 3, 31, 22, 30, 0, DateTimeKind.Utc), """{"kind":"x"}""", "u2", Wijkzorg),
        Event(3, "dialogue.theme.read", "dialogue", new DateTime(2027, 4, 1, 21, 59, 0, DateTimeKind.Utc)),
        Event(4, "dialogue.theme.added", "dialogue", new DateTime(2027, 4, 1, 22, 0, 0, DateTimeKind.Utc), """{"titleNl":"Cli\u00ebntervaring"}"""),
        Event(5, "award.announced", "assessment", new DateTime(2027, 5, 1, 10, 0, 0, DateTimeKind.Utc), """{"reasons":"Beste prijs-kwaliteit"}""", "u2", Wijkzorg),
    ];

    private static TimelineFilter Filter(TimelineQuery query)
    {
        var (filter, violation) = TimelineFilter.From(query);
        Assert.Null(violation);
        return filter!;
    }

    private static long[] Sequences(TimelineQuery query) => Filter(query).Apply(History).Select(e => e.Event.Sequence).ToArray();

    [Fact]
    public void Without_fields_everything_matches() => Assert.Equal([1, 2, 3, 4, 5], Sequences(new()));

    [Fact]
    public void Phase_kind_actor_organisation_and_reads_each_narrow()
    {
        Assert.Equal([3, 4], Sequences(new(Phase: "dialogue")));
        Assert.Equal([3, 4], Sequences(new(Kind: "dialogue")));
        Assert.Equal([2, 5], Sequences(new(Actor: "u2")));
        Assert.Equal([2, 5], Sequences(new(Organisation: Wijkzorg.ToString())));
        Assert.Equal([2, 3], Sequences(new(ReadsOnly: true)));
        Assert.Equal([3], Sequences(new(Phase: "dialogue", ReadsOnly: true)));
    }

    [Fact]
    public void Dates_are_whole_Amsterdam_days_inclusive()
    {
        // 31 March 22:30 UTC is 1 April 00:30 in Amsterdam (summer time); 1 April 22:00 UTC is 2 April 00:00.
        Assert.Equal([2, 3], Sequences(new(From: "2027-04-01", To: "2027-04-01")));
        Assert.Equal([1], Sequences(new(To: "2027-03-31")));
        Assert.Equal([4, 5], Sequences(new(From: "2027-04-02")));
    }

    [Fact]
    public void Search_is_case_insensitive_and_finds_decoded_payload_text()
    {
        Assert.Equal([4], Sequences(new(Q: "cliëntervaring")));
        Assert.Equal([4], Sequences(new(Q: "CLIËNT")));
        Assert.Equal([5], Sequences(new(Q: "prijs-KWALITEIT")));
        Assert.Equal([2, 3], Sequences(new(Q: ".read")));
    }

    [Theory]
    [InlineData("2027-13-01", null, "from")]
    [InlineData(null, "gisteren", "to")]
    [InlineData("2027-05-02", "2027-05-01", "from")]
    public void Bad_dates_are_refused(string? from, string? to, string field)
    {
        var (filter, violation) = TimelineFilter.From(new(From: from, To: to));
        Assert.Null(filter);
        Assert.Equal("LegalTimelineFilterRule", violation!.Rule);
        Assert.Equal(field, violation.Field);
    }

    [Fact]
    public void Pages_hold_a_hundred_events()
    {
        var many = Enumerable.Range(1, 250).Select(i => Event(i, "document.read", "dialogue", new DateTime(2027, 3, 1, 8, 0, 0, DateTimeKind.Utc))).ToList();
        var filter = Filter(new(Page: 3));
        Assert.Equal(3, TimelineFilter.PageCount(many.Count));
        Assert.Equal(Enumerable.Range(201, 50).Select(i => (long)i), filter.PageOf(filter.Apply(many)).Select(e => e.Event.Sequence));
    }

    [Fact]
    public void Payload_is_readable_with_escapes_decoded()
    {
        Assert.Equal("titleNl: Cliëntervaring; themes[0]: a; n: 2; x: —",
            PayloadText.Readable("""{"titleNl":"Cli\u00ebntervaring","themes":["a"],"n":2,"x":null}"""));
    }
}
