using System.Net.Http.Json;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Deadlines.Changes;

public sealed class TenderCreationOffsetTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>Creating a tender with this one planned deadline is refused with <paramref name="rule"/> on that deadline's field, and no tender exists.</summary>
    private async Task AssertCreationRefusedAsync(string key, string at, string rule)
    {
        var procurement = _app.Procurement();

        var response = await procurement.PostAsJsonAsync("/api/tenders", new
        {
            definitionId = "sas-dialogue", reference = "UTR-PLANNED", title = "Specialistische begeleiding", deadlines = new Dictionary<string, string> { [key] = at },
        });

        var problem = await response.ProblemAsync(400);
        Assert.Equal(rule, problem["rule"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]![$"deadlines.{key}"]);
        Assert.Empty(await procurement.GetArrayAsync("/api/tenders"));
    }

    [Theory]
    [InlineData("2027-06-01T12:00:00+01:00")]
    [InlineData("2027-01-15T12:00:00+02:00")]
    [InlineData("2027-06-01T12:00:00-04:00")]
    public Task A_planned_deadline_in_an_offset_that_is_not_Amsterdams_is_refused(string publication) =>
        AssertCreationRefusedAsync("publication", publication, "OffsetNotAmsterdamRule");

    /// <summary>Such a date is a typing error; before the rule the reminder arithmetic fell off the calendar (500), or, for a deadline not watched yet, the tender was created and could never be published.</summary>
    [Theory]
    [InlineData("publication", "9999-12-31T23:59:59Z")]
    [InlineData("publication", "0001-01-01T00:00:00Z")]
    [InlineData("questionsClose", "0001-01-05T00:00:00Z")]
    [InlineData("questionsClose", "2100-01-01T00:00:00Z")]
    public Task A_planned_deadline_outside_the_years_a_tender_plans_in_is_refused(string key, string at) =>
        AssertCreationRefusedAsync(key, at, "MomentOutOfRangeRule");

    /// <summary>A passed deadline is law: one typed in the past would bind the tender from the day it is created.</summary>
    [Theory]
    [InlineData("publication", "2027-03-01T10:00:00+01:00")]
    [InlineData("publication", "2027-02-28T10:00")]
    [InlineData("applicationsClose", "2026-06-01T12:00:00+02:00")]
    public Task A_planned_deadline_that_is_not_in_the_future_is_refused(string key, string at) =>
        AssertCreationRefusedAsync(key, at, "DeadlineNotInFutureRule");

    /// <summary>The same rules as changing a deadline: read as Amsterdam time, whatever clock the server runs on.</summary>
    [Theory]
    [InlineData("2027-03-28T02:30", "NonexistentLocalTimeRule")]
    [InlineData("2027-10-31T02:30", "AmbiguousLocalTimeRule")]
    [InlineData("2027-06-01", "MomentFormatRule")]
    [InlineData("next tuesday", "MomentFormatRule")]
    public Task A_planned_deadline_is_read_as_a_deadline_change_reads_it(string publication, string rule) =>
        AssertCreationRefusedAsync("publication", publication, rule);

    [Theory]
    [InlineData("2027-06-01T12:00:00+02:00", "2027-06-01T10:00:00Z")]
    [InlineData("2027-06-01T10:00:00Z", "2027-06-01T10:00:00Z")]
    [InlineData("2027-10-31T02:30:00+01:00", "2027-10-31T01:30:00Z")]
    [InlineData("2027-06-01T12:00:00", "2027-06-01T10:00:00Z")]
    [InlineData("2028-01-15T12:00", "2028-01-15T11:00:00Z")]
    [InlineData("2027-06-01T10:00:00.000Z", "2027-06-01T10:00:00Z")]
    public async Task Amsterdam_or_UTC_offsets_are_taken_and_a_time_without_offset_is_Amsterdam_time(string publication, string utc)
    {
        var tender = await _app.Procurement().CreateTenderAsync(deadlines: new { publication });

        var due = tender["deadlines"]!.AsArray().Single(d => d!["key"]!.GetValue<string>() == "publication")!["dueAtUtc"]!.GetValue<string>();
        Assert.Equal(utc, due);
    }
}
