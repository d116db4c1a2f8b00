using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Tests.Seed;

/// <summary>What the demo left in the database, as plain strings so two runs can be compared line by line.</summary>
public sealed record DemoSnapshot(
    IReadOnlyList<string> Organisations, IReadOnlyList<string> Users, IReadOnlyList<string> Tenders,
    int EvaluatorAssignments, int Participants, long AuditEvents)
{
    public static async Task<DemoSnapshot> ReadAsync(WebApplicationFactory<Program> app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var organisations = (await db.Organisations.AsNoTracking().ToListAsync())
            .Select(o => $"{o.Name} | {o.KvkNumber} | {o.Address} | {o.PostalCode} | {o.City}").Order(StringComparer.Ordinal).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync();
        var organisationNames = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name);
        var users = (await db.Users.AsNoTracking().ToListAsync())
            .Select(u => string.Join(" | ", u.UserName, u.DisplayName, u.Email, u.PreferredLanguage,
                u.OrganisationId is { } id ? organisationNames[id] : "-",
                string.Join(",", roles.Where(r => r.UserId == u.Id).Select(r => r.Name).Order(StringComparer.Ordinal))))
            .Order(StringComparer.Ordinal).ToList();
        var tenders = (await db.Tenders.AsNoTracking().Include(t => t.Deadlines).ToListAsync())
            .Select(t => string.Join(" | ", t.Reference, t.Title, t.DefinitionId, t.Phase, t.IsPublic,
                string.Join(", ", t.Deadlines.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.DueAtUtc:O}"))))
            .Order(StringComparer.Ordinal).ToList();
        return new DemoSnapshot(organisations, users, tenders,
            await db.EvaluatorAssignments.CountAsync(), await db.TenderParticipants.CountAsync(), await db.AuditEvents.LongCountAsync());
    }
}
