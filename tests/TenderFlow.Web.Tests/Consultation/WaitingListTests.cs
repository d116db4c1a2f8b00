using TenderFlow.Domain.Consultation;

namespace TenderFlow.Web.Tests.Consultation;

public sealed class WaitingListTests
{
    private static long _queue;

    private static SessionRegistration Registration(RegistrationStatus status, int attendees) => new()
    {
        Id = Guid.NewGuid(), Status = status, QueueNumber = Interlocked.Increment(ref _queue), CreatedByUserId = "u",
        Attendees = Enumerable.Range(0, attendees).Select(i => new SessionAttendee { Id = Guid.NewGuid(), Name = $"p{i}", Email = $"p{i}@x.nl", Function = "f" }).ToList(),
    };

    [Fact]
    public void Capacity_counts_attendees_not_organisations()
    {
        var existing = new[] { Registration(RegistrationStatus.Registered, 3), Registration(RegistrationStatus.Cancelled, 5) };
        Assert.Equal(3, WaitingList.Taken(existing));
        Assert.Equal(RegistrationStatus.Registered, WaitingList.Place(5, existing, 2));
        Assert.Equal(RegistrationStatus.WaitingList, WaitingList.Place(5, existing, 3));
    }

    [Fact]
    public void A_newcomer_does_not_pass_someone_already_waiting_even_if_it_would_fit()
    {
        var existing = new[] { Registration(RegistrationStatus.Registered, 3), Registration(RegistrationStatus.WaitingList, 3) };
        Assert.Equal(RegistrationStatus.WaitingList, WaitingList.Place(4, existing, 1));
    }

    [Fact]
    public void Promotion_takes_the_queue_in_order_while_it_fits()
    {
        var a = Registration(RegistrationStatus.WaitingList, 1);
        var b = Registration(RegistrationStatus.WaitingList, 2);
        var c = Registration(RegistrationStatus.WaitingList, 1);
        Assert.Equal([a, b], WaitingList.Promotable(4, [Registration(RegistrationStatus.Registered, 1), c, b, a]));
        Assert.Empty(WaitingList.Promotable(1, [Registration(RegistrationStatus.Registered, 1), a]));
    }
}
