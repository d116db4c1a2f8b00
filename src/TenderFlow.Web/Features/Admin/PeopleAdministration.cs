using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Organisations;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Accounts;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Dialogue;

namespace TenderFlow.Web.Features.Admin;

public sealed record AdminResult(bool Succeeded, IReadOnlyDictionary<string, string> Errors)
{
    public static readonly AdminResult Ok = new(true, new Dictionary<string, string>());
    public static AdminResult Fail(string field, string messageKey) => new(false, new Dictionary<string, string> { [field] = messageKey });
}

/// <summary>
/// Users, roles and organisations, managed by Admin through the portal. Every change is one transaction with its
/// audit events; role changes are audited one by one (who gave whom which role, when).
/// </summary>
public sealed partial class PeopleAdministration(TenderFlowDbContext db, UserManager<TenderFlowUser> users, AuditTrail trail, DialoguePartners partners)
{
    [GeneratedRegex(@"^[1-9][0-9]{3} ?[A-Z]{2}$")]
    private static partial Regex PostalCodePattern();

    public static string? NormalisePostalCode(string? value)
    {
        var upper = value?.Trim().ToUpperInvariant();
        return upper is not null && PostalCodePattern().IsMatch(upper) ? upper.Replace(" ", "").Insert(4, " ") : null;
    }

    public async Task<AdminResult> SaveOrganisationAsync(Guid? id, string name, string kvk, string address, string postalCode, string city, Actor admin, CancellationToken ct)
    {
        var kvkNumber = KvkNumber.Normalise(kvk);
        if (kvkNumber is null)
        {
            return AdminResult.Fail("KvkNumber", "A KvK number has exactly 8 digits.");
        }
        var postal = NormalisePostalCode(postalCode);
        if (postal is null)
        {
            return AdminResult.Fail("PostalCode", "Enter a Dutch postal code such as 3511 AB.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Organisations.AnyAsync(o => o.KvkNumber == kvkNumber && o.Id != id, ct))
        {
            return AdminResult.Fail("KvkNumber", "Another organisation already has this KvK number.");
        }
        var organisation = id is null ? null : await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (id is not null && organisation is null)
        {
            return AdminResult.Fail("", "This organisation does not exist.");
        }
        // What a change replaces goes into its event: open data published earlier keeps showing the old name and number.
        var before = organisation is null ? null
            : new { organisation.Name, organisation.KvkNumber, organisation.Address, organisation.PostalCode, organisation.City };
        if (organisation is null)
        {
            organisation = new Organisation { Id = Guid.NewGuid(), Name = name.Trim(), KvkNumber = kvkNumber, Address = address.Trim(), PostalCode = postal, City = city.Trim() };
            db.Organisations.Add(organisation);
        }
        else
        {
            organisation.Name = name.Trim();
            organisation.KvkNumber = kvkNumber;
            organisation.Address = address.Trim();
            organisation.PostalCode = postal;
            organisation.City = city.Trim();
        }
        await trail.AppendAsync(db, admin.Id, Roles.Admin, null,
            [new AuditRecord(id is null ? "organisation.created" : "organisation.changed", $"organisation/{organisation.Id}",
                new { organisation.Name, organisation.KvkNumber, organisation.Address, organisation.PostalCode, organisation.City, before })], ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return AdminResult.Ok;
    }

    public async Task<AdminResult> CreateUserAsync(string userName, string email, string displayName, string language, Guid? organisationId,
        IReadOnlyCollection<string> roles, string password, Actor admin, CancellationToken ct)
    {
        if (CheckRoles(roles, organisationId) is { } refused)
        {
            return refused;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await CheckInDatabaseAsync(organisationId, admin, ct) is { } stale)
        {
            return stale;
        }
        var user = new TenderFlowUser
        {
            UserName = userName.Trim(), Email = email.Trim(), DisplayName = displayName.Trim(),
            PreferredLanguage = language == "en" ? "en" : "nl", OrganisationId = organisationId,
            // The administrator enters the address of someone they know; there is no self-registration to confirm.
            EmailConfirmed = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new AdminResult(false, created.Errors.Select(IdentityErrorText).DistinctBy(e => e.Field).ToDictionary(e => e.Field, e => e.Key));
        }
        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded)
        {
            return AdminResult.Fail("Roles", "The roles could not be changed.");
        }
        var records = new List<AuditRecord> { new("user.created", $"user/{user.Id}", new { user.UserName, user.Email, user.DisplayName, organisationId }) };
        records.AddRange(roles.Select(r => new AuditRecord("user.role.added", $"user/{user.Id}", new { user.UserName, role = r })));
        await trail.AppendAsync(db, admin.Id, Roles.Admin, null, records, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return AdminResult.Ok;
    }

    private static readonly string[] MarketRoles = [Roles.Bidder, Roles.Partner];

    private static AdminResult? CheckRoles(IReadOnlyCollection<string> roles, Guid? organisationId)
    {
        if (roles.Any(r => !Roles.People.Contains(r)))
        {
            return AdminResult.Fail("Roles", "Unknown role.");
        }
        if (roles.Contains(Roles.Bidder) && organisationId is null)
        {
            return AdminResult.Fail("OrganisationId", "A bidder user belongs to an organisation.");
        }
        // A partner reads a confidential dialogue between the municipality and one participant; a bidder's employee must not.
        if (roles.Contains(Roles.Bidder) && roles.Contains(Roles.Partner))
        {
            return AdminResult.Fail("Roles", "A partner of the dialogue cannot also be a bidder.");
        }
        // A bidder's employee who also evaluates, advises or runs the procedure would judge their own competitors.
        return roles.Any(MarketRoles.Contains) && roles.Any(r => !MarketRoles.Contains(r))
            ? AdminResult.Fail("Roles", "A person of a market party cannot also hold a role of the contracting authority.")
            : null;
    }

    /// <summary>
    /// Inside the transaction: the organisation exists, and the acting administrator still holds Admin (a session keeps
    /// its roles for up to a minute, a token up to an hour: two administrators could otherwise remove each other).
    /// </summary>
    private async Task<AdminResult?> CheckInDatabaseAsync(Guid? organisationId, Actor admin, CancellationToken ct)
    {
        if (await users.FindByIdAsync(admin.Id) is not { } acting || !await users.IsInRoleAsync(acting, Roles.Admin))
        {
            return AdminResult.Fail("", "You no longer hold the Admin role.");
        }
        return organisationId is { } id && !await db.Organisations.AnyAsync(o => o.Id == id, ct)
            ? AdminResult.Fail("OrganisationId", "This organisation does not exist.")
            : null;
    }

    /// <summary>Identity's own messages are English only; the portal shows ours, in the reader's language.</summary>
    private static (string Field, string Key) IdentityErrorText(IdentityError error) => error.Code switch
    {
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => ("Password", "At least 12 characters with an upper-case letter, a lower-case letter and a digit."),
        "DuplicateUserName" => ("UserName", "This user name is already taken."),
        "InvalidUserName" => ("UserName", "Use letters, digits, dots, dashes and underscores only."),
        "DuplicateEmail" => ("Email", "This email address is already in use."),
        "InvalidEmail" => ("Email", "Enter a valid email address."),
        _ => ("", "The user could not be saved."),
    };

    /// <summary>
    /// What the edit form showed of a person, as a number for its hidden <c>expectedRevision</c> field. The form posts the whole role
    /// list; saved over a newer state it would silently undo another administrator's change, so a different revision is refused.
    /// Not Identity's ConcurrencyStamp: that also moves when the person merely mistypes their password.
    /// </summary>
    public static string EditRevision(TenderFlowUser user, IEnumerable<string> roles)
    {
        var shown = string.Join('\n', user.Id, user.Email, user.DisplayName, user.PreferredLanguage, user.OrganisationId?.ToString() ?? "",
            string.Join(',', roles.Order(StringComparer.Ordinal)));
        return BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(shown)), 0).ToString(CultureInfo.InvariantCulture);
    }

    /// <param name="email">The new address; null keeps the stored one.</param>
    /// <param name="expectedRevision"><see cref="EditRevision"/> of the state the administrator's form showed.</param>
    public async Task<AdminResult> UpdateUserAsync(string userId, string? email, string displayName, string language, Guid? organisationId,
        IReadOnlyCollection<string> roles, string? expectedRevision, Actor admin, CancellationToken ct)
    {
        if (CheckRoles(roles, organisationId) is { } refused)
        {
            return refused;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await CheckInDatabaseAsync(organisationId, admin, ct) is { } stale)
        {
            return stale;
        }
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AdminResult.Fail("", "This user does not exist.");
        }
        var current = await users.GetRolesAsync(user);
        if (expectedRevision != EditRevision(user, current))
        {
            return AdminResult.Fail("", "This user was changed by someone else in the meantime. Reload the page to see the current details and make your change again.");
        }
        // An administrator who could give themselves Legal or Evaluator would read what Admin is kept from; another Admin decides.
        if (userId == admin.Id && !current.ToHashSet(StringComparer.Ordinal).SetEquals(roles))
        {
            return AdminResult.Fail("Roles", "You cannot change your own roles.");
        }
        var records = new List<AuditRecord>();
        var toAdd = roles.Except(current).ToList();
        var toRemove = current.Except(roles).ToList();
        // The committee waits for every assigned evaluator's scores: one who lost the role could never give them.
        if (toRemove.Contains(Roles.Evaluator)
            && await db.EvaluatorAssignments.AnyAsync(a => a.UserId == userId && db.Tenders.Any(t => t.Id == a.TenderId && t.ClosedAtUtc == null), ct))
        {
            return AdminResult.Fail("Roles", "This person evaluates a tender that is still running; the Evaluator role stays until that tender is closed.");
        }
        var previousEmail = user.Email;
        var newEmail = email?.Trim() ?? previousEmail;
        var emailChanged = !string.Equals(previousEmail, newEmail, StringComparison.Ordinal);
        if (emailChanged)
        {
            // Identity's validator refuses an invalid or taken address (RequireUniqueEmail) before anything is stored.
            var set = await users.SetEmailAsync(user, newEmail);
            if (!set.Succeeded)
            {
                return new AdminResult(false, set.Errors.Select(IdentityErrorText).DistinctBy(e => e.Field).ToDictionary(e => e.Field, e => e.Key));
            }
            // As at creation: the administrator enters the address of someone they know (a password reset needs it confirmed).
            user.EmailConfirmed = true;
            records.Add(new AuditRecord("user.email.changed", $"user/{user.Id}", new { user.UserName, from = previousEmail, to = newEmail }));
        }
        if (toRemove.Count > 0 && !(await users.RemoveFromRolesAsync(user, toRemove)).Succeeded)
        {
            return AdminResult.Fail("Roles", "The roles could not be changed.");
        }
        if (toAdd.Count > 0 && !(await users.AddToRolesAsync(user, toAdd)).Succeeded)
        {
            return AdminResult.Fail("Roles", "The roles could not be changed.");
        }
        records.AddRange(toAdd.Select(r => new AuditRecord("user.role.added", $"user/{user.Id}", new { user.UserName, role = r })));
        records.AddRange(toRemove.Select(r => new AuditRecord("user.role.removed", $"user/{user.Id}", new { user.UserName, role = r })));
        var organisationChanged = user.OrganisationId != organisationId;
        var preferredLanguage = language == "en" ? "en" : "nl";
        if (user.DisplayName != displayName.Trim() || organisationChanged || user.PreferredLanguage != preferredLanguage)
        {
            records.Add(new AuditRecord("user.changed", $"user/{user.Id}", new { user.UserName, displayName = displayName.Trim(), organisationId, language = preferredLanguage }));
            user.DisplayName = displayName.Trim();
            user.OrganisationId = organisationId;
            user.PreferredLanguage = preferredLanguage;
            await users.UpdateAsync(user);
        }
        if (toAdd.Count + toRemove.Count > 0 || organisationChanged || emailChanged)
        {
            // Sessions of this person carry the old roles, organisation and address: make them sign in again. This also
            // voids password reset links mailed to the old address.
            await users.UpdateSecurityStampAsync(user);
        }
        if (records.Count > 0)
        {
            await trail.AppendAsync(db, admin.Id, Roles.Admin, null, records, ct);
        }
        // An invitation was for this person as a partner of that organisation. Without the role, or at another employer, it
        // ends now: giving the role back later must not revive it; Procurement invites again if it wants to.
        if (!roles.Contains(Roles.Partner) || organisationChanged)
        {
            await partners.RevokeAllOfAsync(user.Id, admin.Id, Roles.Admin, ct);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return AdminResult.Ok;
    }
}
