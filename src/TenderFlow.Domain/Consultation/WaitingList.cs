namespace TenderFlow.Domain.Consultation;

/// <summary>
/// Places registrations against a session's capacity, counted in attendees. Strictly first come, first served:
/// a new registration never passes someone already waiting, and promotion stops at the first waiting registration
/// that does not fit (a smaller one further down does not jump the queue).
/// </summary>
public static class WaitingList
{
    public static int Taken(IEnumerable<SessionRegistration> registrations) =>
        registrations.Where(r => r.Status == RegistrationStatus.Registered).Sum(r => r.Attendees.Count);

    public static int PlacesLeft(int capacity, IEnumerable<SessionRegistration> registrations) =>
        Math.Max(0, capacity - Taken(registrations));

    /// <summary>Where a new registration of <paramref name="attendees"/> people goes.</summary>
    public static RegistrationStatus Place(int capacity, IReadOnlyCollection<SessionRegistration> existing, int attendees)
    {
        var someoneWaiting = existing.Any(r => r.Status == RegistrationStatus.WaitingList);
        return !someoneWaiting && Taken(existing) + attendees <= capacity ? RegistrationStatus.Registered : RegistrationStatus.WaitingList;
    }

    /// <summary>The waiting registrations that now fit, in queue order; the caller marks them registered.</summary>
    public static IReadOnlyList<SessionRegistration> Promotable(int capacity, IReadOnlyCollection<SessionRegistration> registrations)
    {
        var free = capacity - Taken(registrations);
        var promoted = new List<SessionRegistration>();
        foreach (var waiting in registrations.Where(r => r.Status == RegistrationStatus.WaitingList).OrderBy(r => r.QueueNumber))
        {
            if (waiting.Attendees.Count > free)
            {
                break;
            }
            free -= waiting.Attendees.Count;
            promoted.Add(waiting);
        }
        return promoted;
    }
}
