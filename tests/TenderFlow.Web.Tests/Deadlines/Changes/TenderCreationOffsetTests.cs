using System.Net.Http.Json;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Deadlines.Changes;

public sealed class TenderCreationOffsetTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("2027-06-01T12:00:00+01:00")]
    [InlineData("2027-01-15T12:00:00+02:00")]
    [InlineData("2027-06-01T12:00:00-04:00")]
    public async Task A_planned_deadline_in_an_offset_that_is_not_Amsterdams_is_refused(string publication)
    {
        var procurement = _app.Procurement();

        var response = await procurement.PostAsJsonAsync("/api/tenders", new
        {
            definitionId = "sas-dialogue", reference = "UTR-OFFSET", title = "Specialistische begeleiding", deadlines = new { publication },
        });

        var problem = await response.ProblemAsync(400);
        Assert.Equal("OffsetNotAmsterdamRule", problem["rule"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]!["deadlines.publication"]);
        Assert.Empty(await procurement.GetArrayAsync("/api/tenders"));
    }

    [Theory]
    [InlineData("2027-06-01T12:00:00+02:00", "2027-06-01T10:00:00Z")]
    [InlineData("2027-06-01T10:00:00Z", "2027-06-01T10:00:00Z")]
    [InlineData("2027-10-31T02:30:00+01:00", "2027-10-31T01:30:00Z")]
    public async Task Amsterdam_or_UTC_offsets_are_taken(string publication, string utc)
    {
        var tender = await _app.Procurement().CreateTenderAsync(deadlines: new { publication });

        var due = tender["deadlines"]!.AsArray().Single(d => d!["key"]!.GetValue<string>() == "publication")!["dueAtUtc"]!.GetValue<string>();
        Assert.Equal(utc, due);
    }
}
