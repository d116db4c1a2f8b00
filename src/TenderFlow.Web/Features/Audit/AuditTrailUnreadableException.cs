using System.Text.Json;

namespace TenderFlow.Web.Features.Audit;

/// <summary>
/// An event holds a payload no event can hold (written behind the app's back). Every view built on a tender's history
/// stops with <c>AuditTrailUnreadableRule</c> (409; the portal's status page) instead of failing with a 500, exactly when a
/// lawyer needs to know why; verification names the first broken event.
/// </summary>
public sealed class AuditTrailUnreadableException(long sequence)
    : Exception($"The payload of audit event {sequence} is not a JSON object.")
{
    public long Sequence { get; } = sequence;

    /// <summary>Whether <paramref name="payloadJson"/> is a JSON object, as every payload the app writes is.</summary>
    public static bool IsReadable(string payloadJson)
    {
        try
        {
            using var document = JsonDocument.Parse(payloadJson);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
