using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TenderFlow.Domain.Audit;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Features.Audit;

namespace TenderFlow.Web.Features.Accounts;

public sealed class LogoutModel(SignInManager<TenderFlowUser> signIn, AuditWriter audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = User.ToActor();
        await signIn.SignOutAsync();
        await audit.WriteAsync(actor.Id, string.Join(",", actor.Roles), null, [new AuditRecord("auth.logout", $"user/{actor.Id}", new { channel = "portal" })]);
        return LocalRedirect("/Accounts/Login");
    }
}
