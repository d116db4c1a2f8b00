using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Organisations;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Admin;

public sealed class OrganisationEditModel(TenderFlowDbContext db, PeopleAdministration admin) : PageModel
{
    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public bool IsNew { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is null)
        {
            return Page();
        }
        var o = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null)
        {
            return NotFound();
        }
        IsNew = false;
        Input = new OrganisationInput { Name = o.Name, KvkNumber = o.KvkNumber, Address = o.Address, PostalCode = o.PostalCode, City = o.City };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        IsNew = id is null;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await admin.SaveOrganisationAsync(id, Input.Name!, Input.KvkNumber!, Input.Address!, Input.PostalCode!, Input.City!, User.ToActor(), ct);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : "Input." + field, PortalText.Get(message));
            }
            return Page();
        }
        TempData["Message"] = PortalText.Get("The organisation has been saved.");
        return RedirectToPage("/Admin/Organisations");
    }

    public sealed class OrganisationInput
    {
        [Required(ErrorMessage = "Enter the organisation's name.")]
        [StringLength(Organisation.MaxNameLength, ErrorMessage = "The name is too long.")]
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Enter the KvK number.")]
        [StringLength(12, ErrorMessage = "A KvK number has exactly 8 digits.")]
        [Display(Name = "KvK number")]
        public string? KvkNumber { get; set; }

        [Required(ErrorMessage = "Enter the address.")]
        [StringLength(Organisation.MaxAddressLength, ErrorMessage = "The address is too long.")]
        [Display(Name = "Address")]
        public string? Address { get; set; }

        [Required(ErrorMessage = "Enter the postal code.")]
        [StringLength(7, ErrorMessage = "Enter a Dutch postal code such as 3511 AB.")]
        [Display(Name = "Postal code")]
        public string? PostalCode { get; set; }

        [Required(ErrorMessage = "Enter the city.")]
        [StringLength(Organisation.MaxCityLength, ErrorMessage = "The city name is too long.")]
        [Display(Name = "City")]
        public string? City { get; set; }
    }
}
