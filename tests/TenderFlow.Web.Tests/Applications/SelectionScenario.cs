using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Selection;
using TenderFlow.Web.Data;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Applications;

/// <summary>
/// A published, announced sas-dialogue tender with two knock-out requirements, applications closing on
/// 1 April 2027 12:00 Amsterdam (10:00 UTC), contract start 1 March 2028; three care providers and an assigned evaluator.
/// </summary>
public sealed class SelectionScenario(TenderFlowFactory app)
{
    public static readonly DateTimeOffset ApplicationsClose = new(2027, 4, 1, 10, 0, 0, TimeSpan.Zero);

    public TenderFlowFactory App => app;
    public string Tender { get; private set; } = "";
    public Guid TenderId => Guid.Parse(Tender);
    public Guid Zorgplus { get; private set; }
    public Guid Buurtzorg { get; private set; }
    public Guid Lister { get; private set; }
    public Guid Outsider { get; private set; }
    public List<Guid> Requirements { get; } = [];
    public Dictionary<string, string> Hashes { get; } = [];

    public async Task InitialiseAsync()
    {
        Zorgplus = await app.OrganisationAsync("Zorgplus Utrecht", "12345678");
        Buurtzorg = await app.OrganisationAsync("Buurtzorg Oost", "87654321");
        Lister = await app.OrganisationAsync("Stichting Lister", "30214567");
        Outsider = await app.OrganisationAsync("Altrecht Begeleiding", "41178899");
        var procurement = app.Procurement();
        Tender = (await procurement.CreateTenderAsync(deadlines: new
        {
            publication = app.PublicationSoon(),
            applicationsClose = ApplicationsClose,
            contractStart = "2028-03-01T00:00:00+01:00",
        })).Id();
        app.PassPublication();
        Assert.Equal(HttpStatusCode.OK, (await procurement.FireAsync(Tender, "publish")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await procurement.PostAsync($"/api/tenders/{Tender}/announce", null)).StatusCode);
        var evaluator = await app.Users.EnsureAsync("eva.beoordelaar", null, "Evaluator");
        Assert.True((await procurement.PostAsJsonAsync($"/api/tenders/{Tender}/evaluators", new { userId = evaluator.Id })).IsSuccessStatusCode);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        foreach (var (code, text, order) in new[] { ("G1", "Ervaring met individuele begeleiding", 1), ("G2", "Ervaring met dagbegeleiding", 2) })
        {
            var requirement = new SelectionRequirement { Id = Guid.NewGuid(), TenderId = TenderId, Code = code, TextNl = text, Order = order };
            db.SelectionRequirements.Add(requirement);
            Requirements.Add(requirement.Id);
        }
        await db.SaveChangesAsync();
    }

    public HttpClient Bidder(string user, Guid organisation) => app.Users.ClientAsync(user, organisation, "Bidder").GetAwaiter().GetResult();

    public HttpClient Zorgplus1() => Bidder("bo.zorgplus", Zorgplus);
    public HttpClient Buurtzorg1() => Bidder("olaf.oost", Buurtzorg);
    public HttpClient Lister1() => Bidder("lies.lister", Lister);
    public HttpClient Outsider1() => Bidder("otto.altrecht", Outsider);
    public HttpClient Evaluator() => app.ClientAs("eva.beoordelaar", "Evaluator");
    public HttpClient UnassignedEvaluator() => app.ClientAs("ed.elders", "Evaluator");
    public HttpClient Admin() => app.ClientAs("adam.beheer", "Admin");
    public HttpClient SecondBuyer() => app.ClientAs("bert.inkoper", "Procurement");

    public string Applications => $"/api/tenders/{Tender}/applications";

    public async Task<string> CreateAsync(HttpClient lead, string? consortiumName = null)
    {
        var response = await lead.PostAsJsonAsync(Applications, new { consortiumName });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> UploadAsync(HttpClient client, string application, byte[] bytes, string fileName, string kind, Guid? member = null, string? issuedOn = null, string? reference = null)
    {
        var fields = new Dictionary<string, string> { ["kind"] = kind };
        if (member is not null) fields["member"] = member.Value.ToString();
        if (issuedOn is not null) fields["issuedOn"] = issuedOn;
        if (reference is not null) fields["reference"] = reference;
        Hashes[$"{application}/{kind}/{member}/{fileName}"] = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return client.PostAsync($"{Applications}/{application}/documents", TestFiles.Form(bytes, fileName, fields));
    }

    /// <summary>Everything a submission needs: references for both requirements, all answers, vision, GVA + Bibob per member.</summary>
    public async Task<string> CompleteAsync(HttpClient lead, Guid leadOrganisation, string? consortiumName = null, params (string Kvk, string Role, Guid Organisation)[] members)
    {
        var application = await CreateAsync(lead, consortiumName);
        foreach (var (kvk, role, _) in members)
        {
            await Ok(lead.PostAsJsonAsync($"{Applications}/{application}/members", new { kvkNumber = kvk, role }));
        }
        foreach (var requirement in Requirements)
        {
            await Ok(lead.PostAsJsonAsync($"{Applications}/{application}/references", Reference(requirement)));
        }
        await Ok(lead.PutAsJsonAsync($"{Applications}/{application}/answers", new
        {
            answers = SelectionConditions.All.Select(c => new { condition = c.Key, complies = true, explanation = $"Wij voldoen aan {c.Key}." }),
        }));
        await Ok(UploadAsync(lead, application, TestFiles.Pdf("Visie " + application), "visie.pdf", "vision"));
        foreach (var organisation in members.Select(m => m.Organisation).Prepend(leadOrganisation))
        {
            await Ok(UploadAsync(lead, application, TestFiles.Pdf("GVA " + organisation), $"gva-{organisation}.pdf", "gva", organisation, "2026-09-01"));
            await Ok(UploadAsync(lead, application, TestFiles.Docx("Bibob " + organisation), $"bibob-{organisation}.docx", "bibob", organisation));
        }
        return application;
    }

    public async Task<JsonObject> SubmitAsync(HttpClient lead, string application)
    {
        var response = await lead.PostAsync($"{Applications}/{application}/submit", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    public static object Reference(Guid requirement, Guid? organisation = null) => new
    {
        requirementId = requirement,
        organisationId = organisation,
        client = "Gemeente Amersfoort",
        periodFrom = "2021-01-01",
        periodTo = "2024-12-31",
        careForms = "Individuele begeleiding, dagbegeleiding",
        scale = "240 cliënten per jaar",
        description = "Wijkgerichte begeleiding van inwoners met psychische kwetsbaarheid.",
    };

    /// <summary>Moves the server clock past the deadline and into the selection phase (clients must be made afresh: tokens follow the clock).</summary>
    public async Task CloseApplicationsAsync()
    {
        app.Clock.SetUtcNow(ApplicationsClose.AddMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await app.Procurement().FireAsync(Tender, "closeApplications")).StatusCode);
    }

    public async Task OpenAsync()
    {
        await Ok(app.Procurement().PostAsync($"/api/tenders/{Tender}/openings/selection/record", null));
        await Ok(SecondBuyer().PostAsync($"/api/tenders/{Tender}/openings/selection/complete", null));
    }

    public static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    public T Db<T>(Func<TenderFlowDbContext, T> query)
    {
        using var scope = app.Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>());
    }
}
