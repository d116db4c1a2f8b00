using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Accounts;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<TenderFlowUser> signIn) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Input.UserName!, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // The language stored with the account, unless this browser already chose one.
            if (!Request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName)
                && (await signIn.UserManager.FindByNameAsync(Input.UserName!) ?? await signIn.UserManager.FindByEmailAsync(Input.UserName!)) is { } user)
            {
                PortalCultures.Remember(Response, user.PreferredLanguage);
            }
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (HttpContext.Items.ContainsKey(AuditingSignInManager.ThrottledItem))
        {
            ModelState.AddModelError(string.Empty, PortalText.Get("Too many failed log-ins from your network address. Try again in 15 minutes."));
            return Page();
        }
        // One answer for a wrong password, an unknown name and a locked account: a different one would tell a stranger the account exists.
        ModelState.AddModelError(string.Empty, PortalText.Get("The user name or password is not correct, or the account is locked for 15 minutes after repeated failed attempts."));
        return Page();
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your user name.")]
        [StringLength(256, ErrorMessage = "The user name is too long.")]
        [Display(Name = "User name")]
        public string? UserName { get; set; }

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(256, ErrorMessage = "The password is too long.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string? Password { get; set; }
    }
}
