using System.Text.Json;
using TenderFlow.Domain.Time;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Features.Legal;

public sealed record TimelineEventView(
    long Sequence, DateTime OccurredAtUtc, DateTimeOffset OccurredAtAmsterdam, string Phase, string ActorId, string ActorName, string ActorRole,
    Guid? OrganisationId, string? OrganisationName, string Action, string Subject, JsonElement Payload, string Hash)
{
    public static TimelineEventView From(HistoryEvent e)
    {
        using var payload = JsonDocument.Parse(e.Event.PayloadJson);
        return new(e.Event.Sequence, e.Event.OccurredAtUtc, AmsterdamTime.ToLocalOffset(e.Event.OccurredAtUtc), e.Phase, e.Event.ActorId, e.ActorName,
            e.Event.ActorRole, e.OrganisationId, e.OrganisationName, e.Event.Action, e.Event.Subject, payload.RootElement.Clone(), e.Event.Hash);
    }
}

/// <summary>A page of the filtered timeline, oldest first: <see cref="Matching"/> of <see cref="Total"/> events match.</summary>
public sealed record TimelineView(int Total, int Matching, int Page, int PageCount, int PageSize, IReadOnlyList<TimelineEventView> Events);

public sealed record ReadEntryView(long Sequence, DateTime AtUtc, DateTimeOffset AtAmsterdam, string Action, string ActorId, string ActorName, string Role, string? OrganisationName)
{
    public static ReadEntryView From(ReadEntry r) =>
        new(r.Sequence, r.AtUtc, AmsterdamTime.ToLocalOffset(r.AtUtc), r.Action, r.ActorId, r.ActorName, r.Role, r.OrganisationName);
}

public sealed record ReadItemView(string Subject, string Kind, string Title, string Detail, ReadEntryView? Created, int ReadCount, IReadOnlyList<ReadEntryView> Reads)
{
    public static ReadItemView From(ReadItem item, bool withReads) =>
        new(item.Subject.ToString(), ReadSubject.Prefix(item.Subject.Kind), item.Title, item.Detail,
            item.Created is null ? null : ReadEntryView.From(item.Created), item.Reads.Count, withReads ? item.Reads.Select(ReadEntryView.From).ToList() : []);
}
