using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Organisations;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Data;
using TenderFlow.Web.Seed;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Seed;

public sealed partial class DemoContentTests(SeededDemo demo) : IClassFixture<SeededDemo>
{
    private TenderFlowDbContext Db(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();

    [Fact]
    public async Task Creates_one_user_per_role_two_buyers_and_three_bidders_each_in_their_own_organisation()
    {
        using var scope = demo.App.Services.CreateScope();
        var db = Db(scope);
        var perRole = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id group ur by r.Name into g select new { Role = g.Key!, Count = g.Count() })
            .ToDictionaryAsync(x => x.Role, x => x.Count);
        Assert.Equal(new Dictionary<string, int>
        {
            [Roles.Admin] = 1, [Roles.Procurement] = 2, [Roles.Evaluator] = 1, [Roles.Legal] = 1, [Roles.Partner] = 1, [Roles.Bidder] = 3,
        }, perRole);

        var users = await db.Users.AsNoTracking().ToListAsync();
        Assert.Equal(9, users.Count);
        Assert.All(users, u =>
        {
            Assert.Equal("nl", u.PreferredLanguage);
            Assert.Matches(@"^\p{Lu}\p{Ll}+( (van|de|van de|van den|van der))? \p{Lu}\p{Ll}+$", u.DisplayName);
            Assert.EndsWith(".example.nl", u.Email);
        });
        Assert.Equal(users.Count, users.Select(u => u.DisplayName).Distinct().Count());
        Assert.Contains(users, u => u.UserName == "inkoper");
        Assert.Contains(users, u => u.UserName == "inkoper2");

        var bidderRole = await db.Roles.Where(r => r.Name == Roles.Bidder).Select(r => r.Id).SingleAsync();
        var bidderIds = await db.UserRoles.Where(ur => ur.RoleId == bidderRole).Select(ur => ur.UserId).ToListAsync();
        var bidders = users.Where(u => bidderIds.Contains(u.Id)).ToList();
        Assert.All(bidders, b => Assert.NotNull(b.OrganisationId));
        Assert.Equal(3, bidders.Select(b => b.OrganisationId).Distinct().Count());
        Assert.All(users.Except(bidders), staff => Assert.Null(staff.OrganisationId));
    }

    [Fact]
    public void Returns_the_logins_in_console_order_with_the_bidders_organisations()
    {
        Assert.Equal(
            [Roles.Admin, Roles.Procurement, Roles.Procurement, Roles.Evaluator, Roles.Legal, Roles.Partner, Roles.Bidder, Roles.Bidder, Roles.Bidder],
            demo.Logins.Select(l => l.Role));
        Assert.Equal(["admin", "inkoper", "inkoper2", "beoordelaar", "jurist", "partner"], demo.Logins.Take(6).Select(l => l.UserName));
        Assert.All(demo.Logins.Take(6), l => Assert.Null(l.Organisation));
        Assert.All(demo.Logins.Skip(6), l => Assert.False(string.IsNullOrEmpty(l.Organisation)));
        Assert.Equal(3, demo.Logins.Skip(6).Select(l => l.Organisation).Distinct().Count());
    }

    [Fact]
    public async Task Creates_about_twelve_Utrecht_care_providers_with_valid_unique_KvK_numbers_and_Dutch_addresses()
    {
        using var scope = demo.App.Services.CreateScope();
        var organisations = await Db(scope).Organisations.AsNoTracking().ToListAsync();
        Assert.InRange(organisations.Count, 10, 15);
        Assert.All(organisations, o =>
        {
            Assert.True(KvkNumber.IsValid(o.KvkNumber), o.KvkNumber);
            Assert.Matches(DutchPostalCode(), o.PostalCode);
            Assert.Contains(o.City, (string[])["Utrecht", "Vleuten", "De Meern", "Haarzuilens"]);
            Assert.Matches(@"^\D+ \d+$", o.Address);
        });
        Assert.Equal(organisations.Count, organisations.Select(o => o.KvkNumber).Distinct().Count());
        Assert.Equal(organisations.Count, organisations.Select(o => o.Name).Distinct().Count());
        Assert.Contains(organisations, o => o.Name == "Stichting Wijkzorg Overvecht");
    }

    [Fact]
    public async Task Creates_one_announced_sas_dialogue_tender_in_consultation_with_the_evaluator_assigned_and_no_participants()
    {
        using var scope = demo.App.Services.CreateScope();
        var db = Db(scope);
        var tender = Assert.Single(await db.Tenders.AsNoTracking().ToListAsync());
        Assert.Equal("sas-dialogue", tender.DefinitionId);
        Assert.Equal("consultation", tender.Phase);
        Assert.True(tender.IsPublic);
        Assert.Equal("Specialistische begeleiding Wmo (dialooggerichte aanbesteding)", tender.Title);
        Assert.Matches(@"^UTR-WMO-\d{4}-01$", tender.Reference);

        var assignment = Assert.Single(await db.EvaluatorAssignments.AsNoTracking().ToListAsync());
        Assert.Equal(tender.Id, assignment.TenderId);
        Assert.Equal("beoordelaar", (await db.Users.SingleAsync(u => u.Id == assignment.UserId)).UserName);
        Assert.Empty(await db.TenderParticipants.ToListAsync());
    }

    [Fact]
    public async Task Plans_figure_7_after_the_clock_at_noon_Amsterdam_time_in_its_order()
    {
        using var scope = demo.App.Services.CreateScope();
        var deadlines = await Db(scope).TenderDeadlines.AsNoTracking().ToDictionaryAsync(d => d.Key, d => d.DueAtUtc);
        string[] planned = ["publication", "questionsClose", "applicationsClose", "dialogueEnd", "submissionClose", "contractStart"];
        var moments = planned.Select(k => deadlines[k]!.Value).ToList();
        Assert.True(moments[0] > TenderFlowFactory.Start.UtcDateTime, $"publication {moments[0]:O} is not after {TenderFlowFactory.Start:O}");
        Assert.Equal(moments.Order(), moments);
        Assert.All(moments, m => Assert.Equal(new TimeSpan(12, 0, 0), AmsterdamTime.ToLocal(m).TimeOfDay));
        var publication = AmsterdamTime.ToLocal(moments[0]);
        var contractStart = AmsterdamTime.ToLocal(moments[^1]);
        Assert.Equal((5, 15), (publication.Month, publication.Day));
        Assert.Equal((1, 1, publication.Year + 2), (contractStart.Month, contractStart.Day, contractStart.Year));
        // Relative deadlines follow from the planned ones: the Q&A a week after questions close.
        Assert.Equal(deadlines["questionsClose"]!.Value.AddDays(7), deadlines["nviPublication"]);
    }

    [Fact]
    public async Task The_tender_history_is_written_by_the_first_buyer_and_the_chain_verifies_for_the_seeded_jurist()
    {
        using (var scope = demo.App.Services.CreateScope())
        {
            var db = Db(scope);
            var buyer = await db.Users.SingleAsync(u => u.UserName == "inkoper");
            var actions = await db.AuditEvents.AsNoTracking().Where(e => e.TenderId != null).OrderBy(e => e.Sequence).ToListAsync();
            Assert.Contains(actions, e => e.Action == "tender.created");
            Assert.Contains(actions, e => e.Action == "tender.announced");
            Assert.Contains(actions, e => e.Action == "tender.evaluator.assigned");
            // The tender's own steps; demo content of features (e.g. bidders' consultation registrations) has its own actors.
            Assert.All(actions.Where(e => e.Action.StartsWith("tender.", StringComparison.Ordinal)), e => Assert.Equal((buyer.Id, Roles.Procurement), (e.ActorId, e.ActorRole)));
        }
        var legal = await demo.ClientAsync("jurist");
        var verify = await legal.GetJsonAsync("/api/audit/verify");
        Assert.Equal("OK", verify["status"]!.GetValue<string>());
        Assert.True(verify["eventCount"]!.GetValue<long>() >= 33);
    }

    [Fact]
    public async Task Every_organisation_account_and_role_is_in_the_audit_trail_as_written_by_the_seeder()
    {
        using var scope = demo.App.Services.CreateScope();
        var db = Db(scope);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.TenderId == null && e.ActorId == DemoAuditRecords.ActorId).ToListAsync();
        Assert.All(events, e => Assert.Equal(Roles.System, e.ActorRole));
        Assert.Equal(await db.Organisations.CountAsync(), events.Count(e => e.Action == "organisation.created"));
        Assert.Equal(9, events.Count(e => e.Action == "user.created"));
        Assert.Equal(9, events.Count(e => e.Action == "user.role.added"));
        var firstTenderEvent = await db.AuditEvents.Where(e => e.TenderId != null).MinAsync(e => e.Sequence);
        Assert.All(events, e => Assert.True(e.Sequence < firstTenderEvent));
    }

    [Theory]
    [InlineData("wijkzorg")]
    [InlineData("beoordelaar")]
    [InlineData("inkoper2")]
    public async Task Bidders_the_assigned_evaluator_and_procurement_see_the_tender(string userName)
    {
        var client = await demo.ClientAsync(userName);
        var tender = Assert.Single(await client.GetArrayAsync("/api/tenders"));
        Assert.StartsWith("UTR-WMO-", tender!["reference"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_start_listed_the_demo_it_created()
    {
        using var scope = demo.App.Services.CreateScope();
        var userNames = await Db(scope).Users.Select(u => u.UserName!).ToListAsync();
        Assert.Equal(userNames.Order(StringComparer.Ordinal), demo.Logins.Select(l => l.UserName).Order(StringComparer.Ordinal));
        Assert.Equal(DemoSeeder.TenderTitle, (await Db(scope).Tenders.SingleAsync()).Title);
    }

    [GeneratedRegex("^[1-9][0-9]{3} [A-Z]{2}$")]
    private static partial Regex DutchPostalCode();
}
