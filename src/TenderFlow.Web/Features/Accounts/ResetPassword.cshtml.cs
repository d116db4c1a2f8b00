using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TenderFlow.Web.Features.Accounts;

[AllowAnonymous]
public sealed class ResetPasswordModel(PasswordReset reset) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public ResetPasswordInput Input { get; set; } = new();

    public bool Done { get; private set; }

    /// <summary>
    /// The link lacks its address or code, or carries more than a link of ours ever does: nothing to fill in (and nothing
    /// written to the audit trail), only the way to ask for a new link.
    /// </summary>
    public bool Incomplete => string.IsNullOrWhiteSpace(Email) || string.IsNullOrWhiteSpace(Code) || Email.Length > 256 || Code.Length > 2048;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Incomplete || !ModelState.IsValid)
        {
            return Page();
        }
        if (await reset.ResetAsync(Email!, Code!, Input.Password!) is { } refused)
        {
            // A refused password belongs to its field (aria-invalid, the message under it); a bad link to the whole page.
            ModelState.AddModelError(refused.AboutPassword ? $"{nameof(Input)}.{nameof(Input.Password)}" : string.Empty, refused.Message);
            return Page();
        }
        Done = true;
        return Page();
    }

    public sealed class ResetPasswordInput
    {
        [Required(ErrorMessage = "Enter a new password.")]
        [StringLength(256, ErrorMessage = "The password is too long.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Enter the new password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password again")]
        public string? Repeat { get; set; }
    }
}
