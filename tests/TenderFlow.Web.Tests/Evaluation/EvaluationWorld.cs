using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Sealing;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Data;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Evaluation;

/// <summary>A candidate: its application and the bidder user of each member organisation.</summary>
public sealed record Candidate(Guid ApplicationId, string Name, IReadOnlyList<Guid> Organisations, IReadOnlyList<string> Bidders);

/// <summary>
/// A tender in phase selection with what the applications feature and the four-eyes opening would have produced,
/// written directly: requirements G1/G2, criteria K1 (60%, 0–10, minimum 4) and K2 (40%, 0–10), three submitted
/// applications (B is a consortium of two organisations), their participation, two assigned evaluators (eva.een chairs)
/// and, unless told otherwise, a completed opening of the vault "selection".
/// </summary>
public sealed class EvaluationWorld
{
    public const string Chair = "eva.een";
    public const string Second = "eva.twee";
    public const string Outsider = "eva.drie";

    private EvaluationWorld(TenderFlowFactory app) => App = app;

    public TenderFlowFactory App { get; }
    public string Tender { get; private set; } = "";
    public Guid TenderId => Guid.Parse(Tender);
    public Guid G1 { get; private set; }
    public Guid G2 { get; private set; }
    public Guid K1 { get; private set; }
    public Guid K2 { get; private set; }
    public Candidate A { get; private set; } = null!;
    public Candidate B { get; private set; } = null!;
    public Candidate C { get; private set; } = null!;
    public string ChairId { get; private set; } = "";
    public string SecondId { get; private set; } = "";

    public string Api => $"/api/tenders/{Tender}/evaluation";

    // The planned moments of phases 4–8 (Amsterdam summer time is UTC+2, winter time UTC+1).
    public static readonly DateTimeOffset DialogueEnd = new(2027, 7, 15, 15, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset SubmissionClose = new(2027, 9, 1, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ContractStart = new(2027, 12, 31, 23, 0, 0, TimeSpan.Zero);

    public static async Task<EvaluationWorld> CreateAsync(TenderFlowFactory app, bool opened = true, bool designateChair = true)
    {
        var world = new EvaluationWorld(app);
        await world.BuildAsync(opened, designateChair);
        return world;
    }

    public HttpClient Evaluator(string name) => App.Users.ClientAsync(name, null, "Evaluator").GetAwaiter().GetResult();
    public HttpClient Bidder(string user, Guid organisation) => App.Users.ClientAsync(user, organisation, "Bidder").GetAwaiter().GetResult();
    public HttpClient BidderOf(Candidate candidate, int member = 0) => Bidder(candidate.Bidders[member], candidate.Organisations[member]);

    private async Task BuildAsync(bool opened, bool designateChair)
    {
        var procurement = App.Procurement();
        var tender = await procurement.CreateTenderAsync(deadlines: new
        {
            publication = "2027-03-10T09:00:00Z", applicationsClose = "2027-04-20T10:00:00Z",
            dialogueEnd = DialogueEnd, submissionClose = SubmissionClose, contractStart = ContractStart,
        });
        Tender = tender.Id();
        App.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 10, 9, 30, 0, TimeSpan.Zero));
        procurement = App.Procurement();
        Assert.Equal(HttpStatusCode.OK, (await procurement.FireAsync(Tender, "publish")).StatusCode);
        App.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 21, 9, 0, 0, TimeSpan.Zero));
        procurement = App.Procurement();
        Assert.Equal(HttpStatusCode.OK, (await procurement.FireAsync(Tender, "closeApplications")).StatusCode);

        ChairId = (await App.Users.EnsureAsync(Chair, null, "Evaluator")).Id;
        SecondId = (await App.Users.EnsureAsync(Second, null, "Evaluator")).Id;
        await App.Users.EnsureAsync(Outsider, null, "Evaluator");
        foreach (var id in new[] { ChairId, SecondId })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"/api/tenders/{Tender}/evaluators", new { userId = id })).StatusCode);
        }
        if (designateChair)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"{Api}/chair", new { userId = ChairId })).StatusCode);
        }

        A = await CandidateAsync(null, ("Zorgcoöperatie Lunetten", "bidder.a"));
        B = await CandidateAsync("Combinatie Wijkkracht", ("Stichting Wijkkracht", "bidder.b1"), ("Buurtteam Overvecht BV", "bidder.b2"));
        C = await CandidateAsync(null, ("Careyn Utrecht Zorg", "bidder.c"));

        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        G1 = Guid.NewGuid();
        G2 = Guid.NewGuid();
        db.SelectionRequirements.AddRange(
            new SelectionRequirement { Id = G1, TenderId = TenderId, Code = "G1", TextNl = "Ervaring met individuele begeleiding Wmo", TextEn = "Experience with individual support (Wmo)", Order = 1 },
            new SelectionRequirement { Id = G2, TenderId = TenderId, Code = "G2", TextNl = "Ervaring met beschermd thuis", TextEn = "Experience with sheltered living at home", Order = 2 });
        K1 = Guid.NewGuid();
        K2 = Guid.NewGuid();
        db.SelectionCriteria.AddRange(
            new SelectionCriterion
            {
                Id = K1, TenderId = TenderId, Code = "K1", TitleNl = "Visie op de beweging", TitleEn = "Vision on the movement", WeightPercent = 60,
                ScaleMin = 0, ScaleMax = 10, MinimumScore = 4, Order = 1,
                Descriptors = [new ScaleDescriptor { Score = 0, TextNl = "geen visie", TextEn = "no vision" }, new ScaleDescriptor { Score = 10, TextNl = "uitstekend", TextEn = "excellent" }],
            },
            new SelectionCriterion
            {
                Id = K2, TenderId = TenderId, Code = "K2", TitleNl = "Verwachte uitvoeringskwaliteit", TitleEn = "Expected quality of execution", WeightPercent = 40,
                ScaleMin = 0, ScaleMax = 10, Order = 2,
            });
        if (opened)
        {
            var openers = new[] { (await App.Users.EnsureAsync("anna.inkoper", null, "Procurement")).Id, (await App.Users.EnsureAsync("ben.inkoper", null, "Procurement")).Id };
            db.VaultOpenings.Add(new VaultOpening
            {
                Id = Guid.NewGuid(), TenderId = TenderId, Vault = "selection", FirstUserId = openers[0], FirstRecordedAtUtc = App.Clock.GetUtcNow().UtcDateTime,
                SecondUserId = openers[1], CompletedAtUtc = App.Clock.GetUtcNow().UtcDateTime,
            });
        }
        await db.SaveChangesAsync();
    }

    public async Task OpenAsync()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var first = (await App.Users.EnsureAsync("anna.inkoper", null, "Procurement")).Id;
        var second = (await App.Users.EnsureAsync("ben.inkoper", null, "Procurement")).Id;
        db.VaultOpenings.Add(new VaultOpening
        {
            Id = Guid.NewGuid(), TenderId = TenderId, Vault = "selection", FirstUserId = first, FirstRecordedAtUtc = App.Clock.GetUtcNow().UtcDateTime,
            SecondUserId = second, CompletedAtUtc = App.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
    }

    private async Task<Candidate> CandidateAsync(string? consortium, params (string Name, string Bidder)[] members)
    {
        var organisations = new List<Guid>();
        foreach (var (name, bidder) in members)
        {
            var id = await App.OrganisationAsync(name, Random.Shared.Next(10_000_000, 99_999_999).ToString());
            organisations.Add(id);
            await App.Users.EnsureAsync(bidder, id, "Bidder");
            await App.ParticipateAsync(Tender, id);
        }
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var application = new Application
        {
            Id = Guid.NewGuid(), TenderId = TenderId, LeadOrganisationId = organisations[0], ConsortiumName = consortium,
            Status = ApplicationStatus.Submitted, CreatedAtUtc = App.Clock.GetUtcNow().UtcDateTime.AddDays(-2), CreatedByUserId = "test",
            SubmittedAtUtc = App.Clock.GetUtcNow().UtcDateTime.AddDays(-1).AddMinutes(organisations.Count),
            Members = organisations.Select((o, i) => new ApplicationMember { OrganisationId = o, IsLead = i == 0, Role = ConsortiumRole.CombinationPartner }).ToList(),
        };
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return new Candidate(application.Id, consortium ?? members[0].Name, organisations, members.Select(m => m.Bidder).ToList());
    }

    // The steps of the procedure, as the people involved take them through the API.

    public async Task DeclareAsync(string evaluator, bool conflict = false, string? explanation = null) =>
        Assert.Equal(HttpStatusCode.NoContent, (await Evaluator(evaluator).PostAsJsonAsync($"{Api}/declaration", new { hasConflict = conflict, explanation })).StatusCode);

    public Task<HttpResponseMessage> JudgeAsync(string evaluator, Candidate candidate, Guid requirement, bool passed, string motivation = "Referenties overtuigend") =>
        Evaluator(evaluator).PostAsJsonAsync($"{Api}/applications/{candidate.ApplicationId}/knockout", new { requirementId = requirement, passed, motivation });

    public async Task PassKnockoutsAsync(Candidate candidate)
    {
        foreach (var evaluator in new[] { Chair, Second })
        {
            foreach (var requirement in new[] { G1, G2 })
            {
                Assert.Equal(HttpStatusCode.NoContent, (await JudgeAsync(evaluator, candidate, requirement, true)).StatusCode);
            }
        }
    }

    public static object Sheet(Guid k1, int s1, string m1, Guid k2, int s2, string m2) =>
        new { scores = new[] { new { criterionId = k1, score = s1, motivation = m1 }, new { criterionId = k2, score = s2, motivation = m2 } } };

    public Task<HttpResponseMessage> ScoreAsync(string evaluator, Candidate candidate, int k1, int k2, string motivation) =>
        Evaluator(evaluator).PostAsJsonAsync($"{Api}/applications/{candidate.ApplicationId}/scores", Sheet(K1, k1, motivation + " K1", K2, k2, motivation + " K2"));

    public Task<HttpResponseMessage> ConsensusAsync(string evaluator, Candidate candidate, int k1, int k2, string motivation) =>
        Evaluator(evaluator).PostAsJsonAsync($"{Api}/applications/{candidate.ApplicationId}/consensus", Sheet(K1, k1, motivation + " K1", K2, k2, motivation + " K2"));

    /// <summary>Both evaluators declare, pass the knock-outs, score; the chair sets the consensus.</summary>
    public async Task AssessAsync(Candidate candidate, int k1, int k2, string consensusMotivation)
    {
        await PassKnockoutsAsync(candidate);
        Assert.Equal(HttpStatusCode.NoContent, (await ScoreAsync(Chair, candidate, k1, k2, $"Eigen oordeel {Chair} over {candidate.Name}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ScoreAsync(Second, candidate, k1, k2, $"Eigen oordeel {Second} over {candidate.Name}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ConsensusAsync(Chair, candidate, k1, k2, consensusMotivation)).StatusCode);
    }

    public async Task DeclareAllAsync()
    {
        await DeclareAsync(Chair);
        await DeclareAsync(Second);
    }

    /// <summary>A scores 8/5 = 68.00, B 6/8 = 68.00 (tie, K1 decides: A first), C 3/10 = 58.00 but below K1's minimum.</summary>
    public async Task AssessAllAsync()
    {
        await DeclareAllAsync();
        await AssessAsync(A, 8, 5, "Consensus A: heldere visie op de beweging");
        await AssessAsync(B, 6, 8, "Consensus B: sterke uitvoering in de wijken");
        await AssessAsync(C, 3, 10, "Consensus C: visie onvoldoende uitgewerkt");
    }

    public async Task<JsonObject> RankingAsync() => await App.Procurement().GetJsonAsync($"{Api}/ranking");

    public async Task<List<T>> QueryAsync<T>(Func<TenderFlowDbContext, IQueryable<T>> query)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        return await Task.FromResult(query(db).ToList());
    }
}
