using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Admin;

public sealed class UsersModel(TenderFlowDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(string Id, string UserName, string DisplayName, string Email, string? Organisation, IReadOnlyList<string> Roles, bool LockedOut);

    public IReadOnlyList<Row> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        Users = users.Select(u => new Row(u.Id, u.UserName ?? "", u.DisplayName, u.Email ?? "",
            u.OrganisationId is { } o ? organisations.GetValueOrDefault(o) : null,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
            u.LockoutEnd is { } end && end > now)).ToList();
    }
}
