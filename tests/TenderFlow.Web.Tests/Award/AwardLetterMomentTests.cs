using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Time;
using TenderFlow.Web.Data;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Award;

/// <summary>
/// The standstill is counted from the moment of the step that entered it. The decision letter written in that step must
/// carry the same moment: read from the clock a little later, just before midnight it was sent "the next day" while the
/// standstill was counted from the day before, a day short of what the letter implies.
/// </summary>
public sealed class AwardLetterMomentTests : IDisposable
{
    private readonly TenderFlowFactory _app = AssessedQualityStandIn.Factory();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_award_decided_just_before_midnight_is_sent_at_the_moment_its_standstill_counts_from()
    {
        var world = await DialogueWorld.CreateAsync(_app);
        await world.EnterAssessmentAsync();
        var midnight = AmsterdamTime.ToUtcLenient(AmsterdamTime.ToLocal(_app.Clock.GetUtcNow().UtcDateTime).Date.AddDays(1));
        _app.Clock.SetUtcNow(new DateTimeOffset(midnight.AddSeconds(-3), TimeSpan.Zero));
        var procurement = world.Procurement();
        // Every read of the clock is a second later, as time passes while the step works.
        _app.Clock.AutoAdvanceAmount = TimeSpan.FromSeconds(1);

        var announced = await procurement.AnnounceAwardAsync(world);

        _app.Clock.AutoAdvanceAmount = TimeSpan.Zero;
        Assert.True(announced.IsSuccessStatusCode, await announced.Content.ReadAsStringAsync());
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var tender = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == world.TenderId);
        var decision = await db.AwardDecisions.AsNoTracking().SingleAsync(d => d.TenderId == world.TenderId);
        Assert.Equal("awardStandstill", tender.Phase);
        Assert.Equal(tender.PhaseEnteredAtUtc, decision.AnnouncedAtUtc);
        Assert.Equal(AmsterdamTime.ToLocal(decision.AnnouncedAtUtc).Date.AddDays(21), AmsterdamTime.ToLocal(decision.StandstillEndUtc));
    }
}
