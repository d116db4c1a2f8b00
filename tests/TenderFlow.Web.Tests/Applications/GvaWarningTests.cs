using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TenderFlow.Domain.Selection;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Applications;

/// <summary>A Gedragsverklaring Aanbesteden holds two years; the planned award here is the contract start, 1 March 2028.</summary>
public sealed class GvaWarningTests : ApplicationTestBase
{
    [Fact]
    public async Task A_declaration_that_lapses_before_the_planned_award_gets_a_warning_but_is_accepted()
    {
        var lead = S.Zorgplus1();
        var application = await S.CreateAsync(lead);
        var response = await SelectionScenario.Ok(S.UploadAsync(lead, application, TestFiles.Pdf(), "gva.pdf", "gva", S.Zorgplus, "2026-02-28"));
        var warning = (await response.Content.ReadFromJsonAsync<JsonObject>())!["warning"]!.GetValue<string>();
        Assert.Contains("2028-02-28", warning);
        Assert.Contains("2028-03-01", warning);
        var view = await lead.GetJsonAsync($"{S.Applications}/{application}");
        Assert.Single(view["warnings"]!.AsArray());
        Assert.Equal("2028-02-28", view["members"]![0]!["gvaLapsesOn"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_declaration_valid_through_the_planned_award_gets_no_warning()
    {
        var lead = S.Zorgplus1();
        var application = await S.CreateAsync(lead);
        var response = await SelectionScenario.Ok(S.UploadAsync(lead, application, TestFiles.Pdf(), "gva.pdf", "gva", S.Zorgplus, "2026-03-01"));
        Assert.Null((await response.Content.ReadFromJsonAsync<JsonObject>())!["warning"]);
    }

    [Fact]
    public async Task An_application_whose_declaration_has_lapsed_cannot_be_submitted()
    {
        var lead = S.Zorgplus1();
        var application = await S.CompleteAsync(lead, S.Zorgplus);
        await SelectionScenario.Ok(S.UploadAsync(lead, application, TestFiles.Pdf("Oude GVA"), "gva-oud.pdf", "gva", S.Zorgplus, "2025-01-15"));

        var refused = await lead.PostAsync($"{S.Applications}/{application}/submit", null);

        var problem = await refused.ProblemAsync(409);
        Assert.Equal("IncompleteApplicationRule", problem["rule"]!.GetValue<string>());
        Assert.Contains("2025-01-15", problem.ToJsonString(), StringComparison.Ordinal);
        await SelectionScenario.Ok(S.UploadAsync(lead, application, TestFiles.Pdf("Nieuwe GVA"), "gva-nieuw.pdf", "gva", S.Zorgplus, "2027-02-01"));
        await S.SubmitAsync(lead, application);
    }

    [Theory]
    [InlineData("2025-03-01", "2027-03-01", null, true)]   // lapsed today
    [InlineData("2025-03-02", "2027-03-01", null, false)]
    [InlineData("2026-01-01", "2027-03-01", "2027-12-31", false)]
    [InlineData("2026-01-01", "2027-03-01", "2028-01-02", true)]
    public void Validity_is_two_years_from_the_issue_date(string issued, string today, string? award, bool warned)
    {
        var warning = GvaValidity.Warning(DateOnly.Parse(issued), DateOnly.Parse(today), award is null ? null : DateOnly.Parse(award));
        Assert.Equal(warned, warning is not null);
    }
}
