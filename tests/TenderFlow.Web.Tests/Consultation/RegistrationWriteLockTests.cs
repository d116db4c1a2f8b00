using System.Net;
using Microsoft.Data.Sqlite;
using TenderFlow.Web.Tests.Infrastructure;
using static TenderFlow.Web.Tests.Consultation.ConsultationScenario;

namespace TenderFlow.Web.Tests.Consultation;

/// <summary>
/// A registration or cancellation counts from the moment it arrived, not from the moment the database's write lock was free:
/// another writer (a note being compiled, an export) can hold the lock across the registration deadline.
/// </summary>
public sealed class RegistrationWriteLockTests : ConsultationScenarioTests
{
    [Fact]
    public async Task A_registration_sent_before_the_deadline_is_accepted_though_it_waited_for_the_write_lock_past_it()
    {
        var session = await S.ScheduleAsync(Session(capacity: 10));
        S.App.Clock.SetUtcNow(RegistrationCloses.AddTicks(-1));
        var zorgplus = await S.BidderAsync(S.Zorgplus);
        // Warm the path up, so the held request below reaches the database while the blocker holds it.
        await S.RegisteredAsync(await S.BidderAsync(S.Oost), session, "Oost", 1);

        var registered = await WhileTheWriteLockIsHeldAcrossTheDeadline(() => S.RegisterAsync(zorgplus, session, "Zorgplus", 1));

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
    }

    [Fact]
    public async Task A_cancellation_sent_before_the_deadline_is_accepted_though_it_waited_for_the_write_lock_past_it()
    {
        var session = await S.ScheduleAsync(Session(capacity: 10));
        S.App.Clock.SetUtcNow(RegistrationCloses.AddTicks(-1));
        var zorgplus = await S.BidderAsync(S.Zorgplus);
        var registration = await S.RegisteredAsync(zorgplus, session, "Zorgplus", 1);
        await S.RegisteredAsync(await S.BidderAsync(S.Oost), session, "Oost", 1);

        var cancelled = await WhileTheWriteLockIsHeldAcrossTheDeadline(
            () => zorgplus.DeleteAsync($"{S.Sessions}/{session}/registrations/{registration["id"]}"));

        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Single(await S.AuditAsync("consultation.registration.cancelled"));
    }

    private async Task<HttpResponseMessage> WhileTheWriteLockIsHeldAcrossTheDeadline(Func<Task<HttpResponseMessage>> send)
    {
        await using var blocker = new SqliteConnection(S.App.ConnectionString);
        await blocker.OpenAsync();
        await using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }
        var sending = Task.Run(send);
        // The request arrives before the deadline and then waits for the lock.
        // Generous: a loaded CI machine must have read the clock by then, or the test fails for the wrong reason.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(sending.IsCompleted, "the request did not wait for the write lock");
        S.App.Clock.SetUtcNow(RegistrationCloses.AddMinutes(1));
        await using (var commit = blocker.CreateCommand())
        {
            commit.CommandText = "COMMIT";
            await commit.ExecuteNonQueryAsync();
        }
        return await sending;
    }
}
