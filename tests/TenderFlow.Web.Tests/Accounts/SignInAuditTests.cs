using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TenderFlow.Web.Features.Accounts;
using TenderFlow.Web.Tests.Deadlines;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Accounts;

public sealed class SignInAuditTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private Task<HttpResponseMessage> LoginAsync(string user, string password) =>
        _app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = user, password });

    private async Task<List<JsonNode>> EventsAsync(string action) =>
        (await _app.Legal().GetArrayAsync($"/api/audit/events?action={action}&limit=1000")).Select(e => e!).ToList();

    [Fact]
    public async Task Success_failure_unknown_user_and_lockout_after_five_failures_are_audited()
    {
        var user = await _app.Users.EnsureAsync("ben.bidder", null, "Partner");
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync("ben.bidder", TestUsers.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync("nobody.here", "whatever")).StatusCode);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync("ben.bidder", "Wrong-Password-" + attempt)).StatusCode);
        }
        // Locked: even the right password is refused now, with the same answer as an unknown name (no hint that the account exists).
        var refused = await LoginAsync("ben.bidder", TestUsers.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Failed", (await refused.ProblemAsync(401))["detail"]!.GetValue<string>());
        Assert.Equal("Failed", (await (await LoginAsync("nobody.else", "whatever")).ProblemAsync(401))["detail"]!.GetValue<string>());

        var succeeded = await EventsAsync("auth.login.succeeded");
        Assert.Contains(succeeded, e => e["actorId"]!.GetValue<string>() == user.Id && e["payload"]!["channel"]!.GetValue<string>() == "api");
        var failed = await EventsAsync("auth.login.failed");
        Assert.Contains(failed, e => e["payload"]!["reason"]!.GetValue<string>() == "unknown user" && e["payload"]!["nameLength"]!.GetValue<int>() == "nobody.here".Length);
        Assert.Equal(4, failed.Count(e => e["actorId"]!.GetValue<string>() == user.Id && e["payload"]!["reason"]!.GetValue<string>() == "wrong password"));
        var locked = await EventsAsync("auth.login.lockedOut");
        Assert.Equal(2, locked.Count(e => e["actorId"]!.GetValue<string>() == user.Id));
        Assert.All(failed.Concat(locked), e => Assert.Equal("Anonymous", e["actorRole"]!.GetValue<string>()));
        Assert.Equal("OK", (await _app.Legal().GetJsonAsync("/api/audit/verify"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_log_in_with_an_enormous_name_is_refused_and_audited_with_its_length_only()
    {
        var name = new string('x', 200_000);

        var response = await LoginAsync(name, "whatever");

        Assert.Equal("Failed", (await response.ProblemAsync(401))["detail"]!.GetValue<string>());
        var failed = Assert.Single(await EventsAsync("auth.login.failed"));
        Assert.True(failed.ToJsonString().Length < 2_000, $"{failed.ToJsonString().Length} characters in the append-only trail");
        Assert.Equal("name too long", failed["payload"]!["reason"]!.GetValue<string>());
        Assert.Equal(name.Length, failed["payload"]!["nameLength"]!.GetValue<int>());
        Assert.DoesNotContain("xxxx", failed.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_name_is_not_written_into_the_trail_people_type_their_password_there()
    {
        const string typed = "Geheim-Wachtwoord-1";

        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(typed, "whatever")).StatusCode);

        Assert.DoesNotContain(_app.Db(db => db.AuditEvents.Select(e => e.Subject + " " + e.PayloadJson).ToList()),
            e => e.Contains(typed, StringComparison.OrdinalIgnoreCase));
        var failed = Assert.Single(await EventsAsync("auth.login.failed"));
        Assert.Equal("unknown user", failed["payload"]!["reason"]!.GetValue<string>());
        Assert.True(failed["payload"]!["unknownUser"]!.GetValue<bool>());
        Assert.Equal(typed.Length, failed["payload"]!["nameLength"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_locked_account_checks_a_password_hash_as_an_unknown_name_does_so_it_answers_as_slowly()
    {
        var hasher = new CountingHasher();
        using var app = new TenderFlowFactory { ExtraServices = services => services.AddSingleton<IPasswordHasher<TenderFlowUser>>(hasher) };
        await app.Users.EnsureAsync("ben.bidder", null, "Partner");
        async Task<int> VerificationsAsync(string user, string password)
        {
            var before = hasher.Verifications;
            var response = await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = user, password });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            return hasher.Verifications - before;
        }

        var wrongPassword = await VerificationsAsync("ben.bidder", "Wrong-Password-1");
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            await VerificationsAsync("ben.bidder", "Wrong-Password-" + attempt);
        }
        var unknown = await VerificationsAsync("nobody.here", "whatever");
        var locked = await VerificationsAsync("ben.bidder", TestUsers.Password);

        Assert.Equal(1, unknown);
        Assert.Equal(unknown, wrongPassword);
        Assert.Equal(unknown, locked);
        // The fifth failure locked the account; the right password afterwards met the lock.
        Assert.Equal(2, (await app.Legal().GetArrayAsync("/api/audit/events?action=auth.login.lockedOut&limit=1000")).Count);
    }

    /// <summary>The real hasher (at the suite's cost), counting how often a password is checked against a hash.</summary>
    private sealed class CountingHasher : IPasswordHasher<TenderFlowUser>
    {
        private readonly PasswordHasher<TenderFlowUser> _inner = new(Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(TenderFlowUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(TenderFlowUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task Self_registration_is_closed()
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/auth/register", new { email = "new@example.test", password = "Some-Password-2027" });
        Assert.Equal("SelfRegistrationClosedRule", (await response.ProblemAsync(403))["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_factor_set_up_is_closed_and_a_password_change_through_the_api_is_audited()
    {
        var user = await _app.Users.EnsureAsync("ben.bidder", null, "Partner");
        var client = _app.CreateClient();
        var token = await (await LoginAsync("ben.bidder", TestUsers.Password)).Content.ReadFromJsonAsync<JsonObject>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token!["accessToken"]!.GetValue<string>());

        // Two-factor sign-in is not supported by the portal's log-in: an account that switched it on could never sign in there.
        var twoFactor = await client.PostAsJsonAsync("/api/auth/manage/2fa", new { enable = true, twoFactorCode = "000000" });
        Assert.Equal("TwoFactorClosedRule", (await twoFactor.ProblemAsync(403))["title"]!.GetValue<string>());
        // Switching it off stays possible (an account may have switched it on before this was closed).
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/manage/2fa", new { enable = false })).StatusCode);

        var wrong = await client.PostAsJsonAsync("/api/auth/manage/info", new { oldPassword = "Not-My-Password-1", newPassword = "Nieuw-Wachtwoord-2027!" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Empty(await EventsAsync("auth.password.changed"));
        var changed = await client.PostAsJsonAsync("/api/auth/manage/info", new { oldPassword = TestUsers.Password, newPassword = "Nieuw-Wachtwoord-2027!" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var audited = Assert.Single(await EventsAsync("auth.password.changed"));
        Assert.Equal(user.Id, audited["actorId"]!.GetValue<string>());
        Assert.Equal("api", audited["payload"]!["channel"]!.GetValue<string>());
        Assert.DoesNotContain("Nieuw-Wachtwoord", audited.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_event_list_pages_and_refuses_a_bad_limit()
    {
        await _app.Procurement().CreateTenderAsync();
        var first = await _app.Legal().GetArrayAsync("/api/audit/events?limit=1");
        Assert.Single(first);
        var next = await _app.Legal().GetArrayAsync($"/api/audit/events?limit=1&afterSequence={first[0]!["sequence"]}");
        Assert.Equal(first[0]!["sequence"]!.GetValue<long>() + 1, next[0]!["sequence"]!.GetValue<long>());
        var bad = await (await _app.Legal().GetAsync("/api/audit/events?limit=5000")).ProblemAsync(400);
        Assert.Equal("InvalidLimitRule", bad["rule"]!.GetValue<string>());
        Assert.Equal("limit must be between 1 and 1000.", bad["errors"]!["limit"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task After_thirty_failed_log_ins_from_one_address_every_log_in_from_it_is_refused_for_a_while_and_recorded_once()
    {
        await _app.Users.EnsureAsync("ben.bidder", null, "Partner");
        for (var i = 1; i < LoginThrottle.FailuresPerWindow; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync($"guess.{i}", "Zomer-Wachtwoord-2027")).StatusCode);
        }
        // Successful log-ins do not count: an office behind one address signs in all morning.
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync("ben.bidder", TestUsers.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync("ben.bidder", TestUsers.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync("guess.last", "Zomer-Wachtwoord-2027")).StatusCode);

        // The right password too, else the script learns which guess was right.
        var refused = await LoginAsync("ben.bidder", TestUsers.Password);
        Assert.Equal("LoginThrottledRule", (await refused.ProblemAsync(429))["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync("guess.more", "Zomer-Wachtwoord-2027")).StatusCode);
        var (html, portal) = await PortalLoginAsync("ben.bidder", TestUsers.Password);
        Assert.Contains("Te veel mislukte aanmeldpogingen vanaf uw netwerkadres", html, StringComparison.Ordinal);
        Assert.False(portal.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal)));

        var trail = _app.Db(db => db.AuditEvents.Where(e => e.Action.StartsWith("auth.login.")).Select(e => e.Action).ToList());
        Assert.Equal(LoginThrottle.FailuresPerWindow, trail.Count(a => a == "auth.login.failed"));
        Assert.Equal(1, trail.Count(a => a == "auth.login.throttled"));

        _app.Clock.Advance(LoginThrottle.Window);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync("ben.bidder", TestUsers.Password)).StatusCode);
    }

    [Fact]
    public async Task Failed_log_ins_sent_all_at_once_are_held_to_the_same_limit()
    {
        var attempts = Enumerable.Range(0, 2 * LoginThrottle.FailuresPerWindow).Select(i => LoginAsync($"guess.{i}", "Zomer-Wachtwoord-2027"));

        var answers = await Task.WhenAll(attempts);

        Assert.Equal(LoginThrottle.FailuresPerWindow, answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(LoginThrottle.FailuresPerWindow, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(LoginThrottle.FailuresPerWindow, _app.Db(db => db.AuditEvents.Count(e => e.Action == "auth.login.failed")));
    }

    [Fact]
    public async Task Behind_a_proxy_one_address_refused_for_failed_log_ins_does_not_refuse_another()
    {
        using var app = new TenderFlowFactory { Settings = new() { ["environment"] = "Production", ["FORWARDEDHEADERS_ENABLED"] = "true" } };
        await app.Users.EnsureAsync("ben.bidder", null, "Partner");
        Task<HttpResponseMessage> From(string address, string user, string password)
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            return client.PostAsJsonAsync("/api/auth/login", new { email = user, password });
        }
        for (var i = 0; i < LoginThrottle.FailuresPerWindow; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await From("203.0.113.7", $"guess.{i}", "Zomer-Wachtwoord-2027")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await From("203.0.113.7", "ben.bidder", TestUsers.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await From("198.51.100.20", "ben.bidder", TestUsers.Password)).StatusCode);
        Assert.Contains("203.0.113.7", app.Db(db => db.AuditEvents.Single(e => e.Action == "auth.login.throttled").PayloadJson), StringComparison.Ordinal);
    }

    private async Task<(string Html, HttpResponseMessage Response)> PortalLoginAsync(string user, string password)
    {
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var (response, html) = await Portal.PortalForms.PostAsync(client, "/Accounts/Login",
            new Dictionary<string, string> { ["Input.UserName"] = user, ["Input.Password"] = password });
        return (html, response);
    }
}
