using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Organisations;
using TenderFlow.Domain.Workflow;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Accounts;

namespace TenderFlow.Web.Features.Admin;

public sealed class UserEditModel(TenderFlowDbContext db, UserManager<TenderFlowUser> users, PeopleAdministration admin) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    /// <summary>What the form showed of the person (<see cref="PeopleAdministration.EditRevision"/>); posted back unchanged.</summary>
    [BindProperty(Name = "expectedRevision")]
    public string? ExpectedRevision { get; set; }

    public bool IsNew { get; private set; } = true;
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];
    public IReadOnlyList<string> AllRoles => Roles.People;

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        await LoadOrganisationsAsync(ct);
        if (id is null)
        {
            return Page();
        }
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        IsNew = false;
        var roles = await users.GetRolesAsync(user);
        Input = new UserInput
        {
            UserName = user.UserName, Email = user.Email, DisplayName = user.DisplayName, Language = user.PreferredLanguage,
            OrganisationId = user.OrganisationId, Roles = [.. roles],
        };
        ExpectedRevision = PeopleAdministration.EditRevision(user, roles);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken ct)
    {
        IsNew = id is null;
        if (IsNew && string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", PortalText.Get("Enter an initial password."));
        }
        // A post without the e-mail field at all (a script, a form from before the address could be changed) keeps the stored
        // address; a field left empty is an error.
        var emailPosted = Request.HasFormContentType && Request.Form.ContainsKey("Input.Email");
        if (!IsNew)
        {
            ModelState.Remove("Input.UserName");
            ModelState.Remove("Input.Password");
            if (!emailPosted)
            {
                ModelState.Remove("Input.Email");
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadOrganisationsAsync(ct);
            return Page();
        }
        var result = IsNew
            ? await admin.CreateUserAsync(Input.UserName!, Input.Email!, Input.DisplayName!, Input.Language, Input.OrganisationId, Input.Roles, Input.Password!, User.ToActor(), ct)
            : await admin.UpdateUserAsync(id!, emailPosted ? Input.Email : null, Input.DisplayName!, Input.Language, Input.OrganisationId, Input.Roles,
                ExpectedRevision, User.ToActor(), ct);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : "Input." + field, PortalText.Get(message));
            }
            await LoadOrganisationsAsync(ct);
            return Page();
        }
        TempData["Message"] = PortalText.Get("The user has been saved.");
        return RedirectToPage("/Admin/Users");
    }

    private async Task LoadOrganisationsAsync(CancellationToken ct) =>
        Organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);

    public sealed class UserInput
    {
        [Required(ErrorMessage = "Enter a user name.")]
        [StringLength(64, MinimumLength = 3, ErrorMessage = "A user name has 3 to 64 characters.")]
        [RegularExpression(@"^[a-zA-Z0-9._-]+$", ErrorMessage = "Use letters, digits, dots, dashes and underscores only.")]
        [Display(Name = "User name")]
        public string? UserName { get; set; }

        [Required(ErrorMessage = "Enter an email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256, ErrorMessage = "The email address is too long.")]
        [Display(Name = "Email")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter a name.")]
        [StringLength(TenderFlowUser.MaxDisplayNameLength, ErrorMessage = "The name is too long.")]
        [Display(Name = "Name")]
        public string? DisplayName { get; set; }

        [RegularExpression("^(nl|en)$", ErrorMessage = "The value is not valid.")]
        [Display(Name = "Language")]
        public string Language { get; set; } = "nl";

        [Display(Name = "Organisation")]
        public Guid? OrganisationId { get; set; }

        [Display(Name = "Roles")]
        public List<string> Roles { get; set; } = [];

        [StringLength(128, ErrorMessage = "The password is too long.")]
        [DataType(DataType.Password)]
        [Display(Name = "Initial password")]
        public string? Password { get; set; }
    }
}
