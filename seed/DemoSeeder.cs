using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Accounts;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Seed;

/// <summary>
/// Fills an empty TenderFlow with a realistic, deterministic demo (Bogus with a fixed seed).
/// Contract: runs only when no user exists; never duplicates; returns the logins it created, or an empty list.
/// </summary>
public sealed class DemoSeeder(
    TenderFlowDbContext db, UserManager<TenderFlowUser> users, TenderSteps steps, AuditTrail trail, DemoMode demo, DataDirectory data,
    TimeProvider clock, ILogger<DemoSeeder> logger)
{
    /// <summary>The Bogus seed: the same organisations, numbers and names on every machine and every run.</summary>
    public const int Seed = 20250515;
    public const string DefinitionId = "sas-dialogue";
    public const string TenderTitle = "Specialistische begeleiding Wmo (dialooggerichte aanbesteding)";

    public async Task<IReadOnlyList<DemoLogin>> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return [];
        }
        // Everything that can be wrong with the inputs is found before the first write.
        var organisations = DemoOrganisationGenerator.Generate(DemoOrganisationCatalogue.Load(DemoOrganisationCatalogue.DefaultPath), Seed);
        var people = DemoPeople.Generate(organisations, Seed);
        await CheckPasswordAsync();

        var created = await CreateOrganisationsAndPeopleAsync(organisations, people, cancellationToken);
        string reference;
        try
        {
            reference = await CreateTenderAsync(created, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"The demo was only partly created ({e.Message}). Delete {data.Path} and start again, or start with {DemoMode.NoDemoSwitch}.", e);
        }
        logger.LogInformation("Demo created: {People} people, {Organisations} organisations, tender {Reference}",
            people.Count, organisations.Count, reference);
        return people.Select(p => p.ToLogin()).ToList();
    }

    /// <summary>The accounts are created with a ready hash, so the password rules are applied here, once, before anything is written.</summary>
    private async Task CheckPasswordAsync()
    {
        var probe = new TenderFlowUser { UserName = "demo" };
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, probe, demo.Password)).Errors);
        }
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Demo:Password does not meet the password rules: {Describe(errors)}");
        }
    }

    /// <summary>Organisations and accounts with their audit events in one transaction: either all of them exist afterwards or none.</summary>
    private async Task<Dictionary<DemoPerson, TenderFlowUser>> CreateOrganisationsAndPeopleAsync(
        IReadOnlyList<DemoOrganisation> organisations, IReadOnlyList<DemoPerson> people, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Organisations.AddRange(organisations.Select(o => o.Entity));
        await db.SaveChangesAsync(cancellationToken);
        var created = new Dictionary<DemoPerson, TenderFlowUser>();
        // The demo password is public (printed on the console), so one salted hash serves every demo account and the start
        // pays for PBKDF2 once instead of once per person. A person who changes the password gets a hash of their own.
        var passwordHash = users.PasswordHasher.HashPassword(new TenderFlowUser(), demo.Password);
        foreach (var person in people)
        {
            var user = new TenderFlowUser
            {
                UserName = person.UserName,
                Email = person.Email,
                EmailConfirmed = true,
                DisplayName = person.DisplayName,
                OrganisationId = person.Organisation?.Entity.Id,
                PreferredLanguage = "nl",
                PasswordHash = passwordHash,
            };
            Check(await users.CreateAsync(user), person);
            Check(await users.AddToRoleAsync(user, person.Role), person);
            created[person] = user;
        }
        await trail.AppendAsync(db, DemoAuditRecords.ActorId, Roles.System, null,
            DemoAuditRecords.For(organisations.Select(o => o.Entity), created.Select(c => (c.Value, c.Key.Role))), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    /// <summary>Through the same steps a buyer takes in the portal, so the tender's history is in the audit trail like anyone's.</summary>
    private async Task<string> CreateTenderAsync(Dictionary<DemoPerson, TenderFlowUser> people, CancellationToken cancellationToken)
    {
        var buyer = people.First(p => p.Key.Role == Roles.Procurement).Value;
        var evaluator = people.First(p => p.Key.Role == Roles.Evaluator).Value;
        var actor = new Actor(buyer.Id, buyer.DisplayName, new HashSet<string>(StringComparer.Ordinal) { Roles.Procurement });
        var now = clock.GetUtcNow();

        var (tender, violation) = await steps.CreateAsync(
            DefinitionId, null, DemoPlanning.Reference(now), TenderTitle, DemoPlanning.Deadlines(now), actor, cancellationToken);
        if (tender is null)
        {
            throw new InvalidOperationException($"Creating the demo tender was refused: {violation?.Rule} {violation?.Message.En}");
        }
        if (await steps.AnnounceAsync(tender.Id, actor, cancellationToken) is { } refused)
        {
            throw new InvalidOperationException($"Announcing the demo tender was refused: {refused.Rule} {refused.Message.En}");
        }
        if (await steps.AssignEvaluatorAsync(tender.Id, evaluator.Id, actor, cancellationToken) is { } notAssigned)
        {
            throw new InvalidOperationException($"Assigning the demo evaluator was refused: {notAssigned.Rule} {notAssigned.Message.En}");
        }
        await ConsultationDemoSeed.SeedAsync(db, trail, clock, tender, buyer, people.Select(p => (p.Value, p.Value.OrganisationId)), cancellationToken);
        await PublicationDemoSeed.SeedAsync(db, trail, clock, tender.Id, actor, cancellationToken);
        return tender.Reference;
    }

    private static void Check(IdentityResult result, DemoPerson person)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Creating demo user '{person.UserName}' failed: {Describe(result.Errors)}");
        }
    }

    private static string Describe(IEnumerable<IdentityError> errors) => string.Join("; ", errors.Select(e => $"{e.Code}: {e.Description}"));
}
