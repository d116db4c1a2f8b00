using System.Text.Json;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Organisations;

namespace TenderFlow.Web.Features.Ocds;

/// <summary>
/// An organisation's name, KvK number and address as they were at a release's moment, read from the Admin's
/// <c>organisation.created</c> and <c>organisation.changed</c> events: a later correction must not rewrite a release that
/// was already published (OCDS consumers treat a release id as immutable). Without such an event, the current record.
/// </summary>
public sealed class OcdsOrganisationHistory(IReadOnlyList<AuditEvent> events)
{
    public const string Created = "organisation.created";
    public const string Changed = "organisation.changed";

    public static string Subject(Guid organisationId) => $"organisation/{organisationId}";

    public Organisation At(Organisation current, DateTime at)
    {
        var own = events.Where(e => e.Subject == Subject(current.Id)).OrderBy(e => e.Sequence).ToList();
        if (own.LastOrDefault(e => e.OccurredAtUtc <= at) is { } last)
        {
            return From(current.Id, JsonDocument.Parse(last.PayloadJson).RootElement) ?? current;
        }
        // Changed only after the moment: the first change recorded what it replaced.
        if (own.FirstOrDefault() is { Action: Changed } first
            && JsonDocument.Parse(first.PayloadJson).RootElement.TryGetProperty("before", out var before))
        {
            return From(current.Id, before) ?? current;
        }
        return current;
    }

    private static Organisation? From(Guid id, JsonElement state) =>
        state.ValueKind == JsonValueKind.Object && Text(state, "name") is { } name && Text(state, "kvkNumber") is { } kvk
            ? new Organisation
            {
                Id = id, Name = name, KvkNumber = kvk, Address = Text(state, "address") ?? "", PostalCode = Text(state, "postalCode") ?? "",
                City = Text(state, "city") ?? "",
            }
            : null;

    private static string? Text(JsonElement state, string property) =>
        state.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
