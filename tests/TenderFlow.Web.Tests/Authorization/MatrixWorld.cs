using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Organisations;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Data;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Authorization;

/// <summary>
/// The situation every row runs in: tender T (not public) in which the "own" organisation takes part and to which
/// the evaluator is assigned, plus one fresh tender per row that changes state (so rows never influence each other).
/// </summary>
public sealed partial class MatrixWorld(TenderFlowFactory app)
{
    private readonly Dictionary<Caller, string> _tokens = [];

    public Guid OwnOrganisation { get; private set; }
    public Guid OtherOrganisation { get; private set; }
    public string Tender { get; private set; } = "";
    public string LegalUserId { get; private set; } = "";

    public async Task InitialiseAsync()
    {
        OwnOrganisation = await app.OrganisationAsync("Zorgplus Utrecht", "12345678");
        OtherOrganisation = await app.OrganisationAsync("Buurtzorg Oost", "87654321");
        LegalUserId = (await app.Users.EnsureAsync("lea.jurist", null, "Legal")).Id;
        Tender = await NewTenderAsync();
        foreach (var caller in Callers.SignedIn)
        {
            _tokens[caller] = caller switch
            {
                Caller.BidderOwnOrganisation => await app.Users.TokenAsync("bo.zorgplus", OwnOrganisation, "Bidder"),
                Caller.BidderOtherOrganisation => await app.Users.TokenAsync("olaf.oost", OtherOrganisation, "Bidder"),
                Caller.Evaluator => await app.Users.TokenAsync("eva.beoordelaar", null, "Evaluator"),
                Caller.Legal => await app.Users.TokenAsync("lea.jurist", null, "Legal"),
                _ => await app.Users.TokenAsync(caller.ToString().ToLowerInvariant() + ".user", null, caller.ToString()),
            };
        }
    }

    /// <summary>A non-public tender with the own organisation taking part and the evaluator assigned.</summary>
    public async Task<string> NewTenderAsync()
    {
        var procurement = app.Procurement();
        var tender = (await procurement.CreateTenderAsync()).Id();
        var evaluator = await app.Users.EnsureAsync("eva.beoordelaar", null, "Evaluator");
        var assigned = await procurement.PostAsJsonAsync($"/api/tenders/{tender}/evaluators", new { userId = evaluator.Id });
        Assert.True(assigned.IsSuccessStatusCode);
        await app.ParticipateAsync(tender, OwnOrganisation);
        return tender;
    }

    /// <summary>The same callers, aimed at another tender.</summary>
    public MatrixWorld WithTender(string tender)
    {
        var copy = new MatrixWorld(app) { OwnOrganisation = OwnOrganisation, OtherOrganisation = OtherOrganisation, Tender = tender, LegalUserId = LegalUserId };
        foreach (var (caller, token) in _tokens)
        {
            copy._tokens[caller] = token;
        }
        return copy;
    }

    public HttpClient Client(Caller caller)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (caller != Caller.Anonymous)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[caller]);
        }
        return client;
    }


    /// <summary>Posts a portal form the way a browser would: with the antiforgery token of this caller's session.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IDictionary<string, string> fields)
    {
        // Every page carries a token in its header (the language form); this one is open to everybody.
        var login = await (await client.GetAsync("/Accounts/AccessDenied")).Content.ReadAsStringAsync();
        var token = Portal.PortalForms.TokenIn(login);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }
}
