using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TenderFlow.Web.Features.Accounts;

[AllowAnonymous]
public sealed class ForgotPasswordModel(PasswordReset reset) : PageModel
{
    [BindProperty]
    public ForgotPasswordInput Input { get; set; } = new();

    /// <summary>Set after a request: the same words whether or not the address has an account.</summary>
    public bool Requested { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await reset.RequestAsync(Input.Email!);
        Requested = true;
        return Page();
    }

    public sealed class ForgotPasswordInput
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [StringLength(256, ErrorMessage = "The e-mail address is too long.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [Display(Name = "E-mail address")]
        public string? Email { get; set; }
    }
}
