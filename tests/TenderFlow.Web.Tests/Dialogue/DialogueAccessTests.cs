using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Web.Tests.Infrastructure;
using TenderFlow.Web.Tests.Notifications;

namespace TenderFlow.Web.Tests.Dialogue;

public sealed class DialogueAccessTests(DialogueFixture f) : IClassFixture<DialogueFixture>
{
    private static async Task<string> RuleAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())?["rule"]?.GetValue<string>() ?? "";

    [Theory]
    [InlineData("9999-12-31T10:00:00Z", "MomentOutOfRangeRule")]
    [InlineData("2027-06-01T10:00:00-04:00", "OffsetNotAmsterdamRule")]
    public async Task A_meeting_time_is_checked_as_a_deadline_is(string startsAt, string rule)
    {
        var response = await f.App.Procurement().PostAsJsonAsync($"{f.Api}/themes/{f.ThemeA}/meetings",
            new { startsAt, location = "Stadskantoor Utrecht, zaal 4.12", agenda = "Gedeelde benadering" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(rule, await RuleAsync(response));
    }

    [Fact]
    public async Task A_refused_message_on_the_theme_page_keeps_what_was_typed()
    {
        var typed = "Akkoord, \u202Egeen\u202C bezwaar. Wij stellen voor de pilot in Overvecht te starten.";

        var (response, html) = await Portal.PortalForms.PostAsync(f.App.Procurement(), $"/tenders/{f.World.Tender}/dialoog/{f.ThemeA}?handler=Message",
            new Dictionary<string, string> { ["text"] = typed });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Wij stellen voor de pilot in Overvecht te starten.</textarea>", System.Net.WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task A_refused_meeting_on_the_theme_page_keeps_what_was_typed_and_points_to_the_error()
    {
        var (response, html) = await Portal.PortalForms.PostAsync(f.App.Procurement(), $"/tenders/{f.World.Tender}/dialoog/{f.ThemeA}?handler=Meeting",
            new Dictionary<string, string>
            {
                ["startsAtLocal"] = "2027-06-01T10:00", ["location"] = "Stadskantoor \u202Ezaal 4\u202C", ["agenda"] = "Gedeelde benadering van de wachtlijsten",
            });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var decoded = System.Net.WebUtility.HtmlDecode(html);
        Assert.Contains("Gedeelde benadering van de wachtlijsten</textarea>", decoded);
        Assert.Contains("value=\"2027-06-01T10:00\"", decoded);
        Assert.Matches("id=\"meeting-location\"[^>]*aria-invalid=\"true\" aria-describedby=\"page-error\"", html);
    }

    [Fact]
    public async Task A_refused_new_theme_points_to_its_title()
    {
        var (response, html) = await Portal.PortalForms.PostAsync(f.App.Procurement(), $"/tenders/{f.World.Tender}/dialoog?handler=AddTheme",
            new Dictionary<string, string> { ["TitleNl"] = " ", ["TitleEn"] = "Reachability after office hours" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"page-error\"", html);
        Assert.Matches("id=\"title-nl\"[^>]*aria-invalid=\"true\" aria-describedby=\"page-error\"", html);
        Assert.DoesNotMatch("id=\"title-en\"[^>]*aria-invalid", html);
        Assert.Contains("value=\"Reachability after office hours\"", html);
    }

    [Fact]
    public async Task A_declaration_sent_without_the_tick_points_to_the_checkbox()
    {
        const string name = "ties.clientraad";
        var partnerId = (await f.App.Users.EnsureAsync(name, null, "Partner")).Id;
        Assert.Equal(HttpStatusCode.NoContent, (await f.App.Procurement().PostAsJsonAsync($"{f.Api}/themes/{f.ThemeB}/partners", new { userId = partnerId })).StatusCode);

        var (response, html) = await Portal.PortalForms.PostAsync(f.World.Partner(name), $"/tenders/{f.World.Tender}/dialoog/verklaring",
            new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("id=\"accept\"[^>]*aria-describedby=\"page-error declaration-text\" aria-invalid=\"true\"", html);
    }

    [Fact]
    public async Task A_refused_status_change_keeps_its_texts_and_points_to_the_missing_reason()
    {
        // A theme of its own: the fixture's themes are shared with tests that change their status.
        var theme = await f.CreatedIdAsync(await f.World.ParticipantClient().PostAsJsonAsync($"{f.Api}/themes", new { titleNl = "Bereikbaarheid buiten kantoortijd" }));
        var (response, html) = await Portal.PortalForms.PostAsync(f.App.Procurement(), $"/tenders/{f.World.Tender}/dialoog/{theme}?handler=Status",
            new Dictionary<string, string> { ["status"] = "waived", ["agreedOutcome"] = "Concepttekst die blijft staan", ["reason"] = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Concepttekst die blijft staan</textarea>", System.Net.WebUtility.HtmlDecode(html));
        Assert.Matches("id=\"status-reason\"[^>]*aria-invalid=\"true\" aria-describedby=\"page-error\"", html);
        // The chosen status stays chosen: the next submit must not silently agree the theme instead of waiving it.
        Assert.Contains("<option value=\"waived\" selected", html);
        Assert.DoesNotContain("<option value=\"agreed\" selected", html);
        Assert.DoesNotMatch("id=\"status-value\"[^>]*aria-invalid", html);

        // A refusal about the status itself points at the status select.
        (response, html) = await Portal.PortalForms.PostAsync(f.App.Procurement(), $"/tenders/{f.World.Tender}/dialoog/{theme}?handler=Status",
            new Dictionary<string, string> { ["status"] = "closed" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Een thema met status open kan niet naar closed.", html, StringComparison.Ordinal);
        Assert.Matches("id=\"status-value\"[^>]*aria-invalid=\"true\" aria-describedby=\"page-error\"", html);
        Assert.Contains("<option value=\"closed\" selected", html);
    }

    [Fact]
    public async Task A_refused_message_keeps_its_reply_to_and_a_bad_reply_to_points_at_its_select()
    {
        var theme = await f.CreatedIdAsync(await f.World.ParticipantClient().PostAsJsonAsync($"{f.Api}/themes", new { titleNl = "Overdracht bij verhuizing" }));
        var first = await f.CreatedIdAsync(await f.World.ParticipantClient().PostAsJsonAsync($"{f.Api}/themes/{theme}/messages", new { text = "Hoe regelen we de overdracht?" }));
        await f.CreatedIdAsync(await f.World.ParticipantClient().PostAsJsonAsync($"{f.Api}/themes/{theme}/messages", new { text = "Een tweede vraag." }));
        var url = $"/tenders/{f.World.Tender}/dialoog/{theme}?handler=Message";

        var (response, html) = await Portal.PortalForms.PostAsync(f.App.Procurement(), url, new Dictionary<string, string> { ["text"] = " ", ["replyTo"] = first });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<option value=\"{first}\" selected", html);
        Assert.DoesNotMatch("id=\"message-reply\"[^>]*aria-invalid", html);

        var other = await f.CreatedIdAsync(await f.World.ParticipantClient().PostAsJsonAsync($"{f.Api}/themes", new { titleNl = "Een ander thema" }));
        var elsewhere = await f.CreatedIdAsync(await f.World.ParticipantClient().PostAsJsonAsync($"{f.Api}/themes/{other}/messages", new { text = "Elders." }));
        (response, html) = await Portal.PortalForms.PostAsync(f.App.Procurement(), url, new Dictionary<string, string> { ["text"] = "Antwoord", ["replyTo"] = elsewhere });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("id=\"message-reply\"[^>]*aria-invalid=\"true\" aria-describedby=\"page-error\"", html);
        Assert.Contains("Antwoord</textarea>", html);
    }

    [Fact]
    public async Task The_participant_hears_that_a_theme_was_agreed_and_outsiders_do_not()
    {
        const string uninvited = "gerrit.elders";
        await f.App.Users.EnsureAsync(uninvited, null, "Partner");
        var participant = f.World.ParticipantClient();
        var theme = await f.CreatedIdAsync(await participant.PostAsJsonAsync($"{f.Api}/themes", new { titleNl = "Rapportage aan de gemeente", titleEn = "Reporting to the municipality" }));
        const string outcome = "Kwartaalrapportage per wijk, zonder persoonsgegevens.";

        Assert.Equal(HttpStatusCode.NoContent, (await f.App.Procurement().PostAsJsonAsync($"{f.Api}/themes/{theme}/status", new { status = "agreed", agreedOutcome = outcome })).StatusCode);

        var notice = Assert.Single(await participant.GetArrayAsync("/api/notifications"),
            n => n!["kind"]!.GetValue<string>() == "dialogue.theme.agreed" && n["link"]!.GetValue<string>().EndsWith(theme, StringComparison.Ordinal))!;
        var stored = await f.App.NotificationAsync(notice["id"]!.GetValue<Guid>());
        Assert.Contains("Rapportage aan de gemeente", stored!.TextNl, StringComparison.Ordinal);
        Assert.Contains("Reporting to the municipality", stored.TextEn, StringComparison.Ordinal);
        // The outcome itself is read on the theme page, not sent along by e-mail.
        Assert.DoesNotContain("Kwartaalrapportage", stored.TextNl + stored.TextEn, StringComparison.Ordinal);
        foreach (var (who, client) in new[] { ("rejected candidate", f.World.RejectedClient(0)), ("uninvited partner", f.World.Partner(uninvited)), ("Legal", f.World.Legal()) })
        {
            Assert.True(!(await client.GetArrayAsync("/api/notifications")).Any(n => n!["kind"]!.GetValue<string>().StartsWith("dialogue.theme.", StringComparison.Ordinal)), who);
        }
    }

    [Fact]
    public async Task An_English_page_marks_a_theme_title_that_only_exists_in_Dutch()
    {
        var participant = f.World.ParticipantClient();
        var dutchOnly = await f.CreatedIdAsync(await participant.PostAsJsonAsync($"{f.Api}/themes", new { titleNl = "Wijkgericht werken in Overvecht" }));
        var translated = await f.CreatedIdAsync(await participant.PostAsJsonAsync($"{f.Api}/themes", new { titleNl = "Nazorg na ontslag", titleEn = "Aftercare after discharge" }));

        var page = await participant.GetStringAsync($"/tenders/{f.World.Tender}/dialoog/{dutchOnly}?culture=en");
        Assert.Contains("<h1 lang=\"nl\">Wijkgericht werken in Overvecht</h1>", page, StringComparison.Ordinal);
        page = await participant.GetStringAsync($"/tenders/{f.World.Tender}/dialoog/{translated}?culture=en");
        Assert.Contains("<h1>Aftercare after discharge</h1>", page, StringComparison.Ordinal);

        var overview = await participant.GetStringAsync($"/tenders/{f.World.Tender}/dialoog?culture=en");
        Assert.Matches($"<a href=\"[^\"]*{dutchOnly}\" lang=\"nl\">Wijkgericht werken in Overvecht</a>", overview);
        Assert.Matches($"<a href=\"[^\"]*{translated}\">Aftercare after discharge</a>", overview);
        var tenderPage = await participant.GetStringAsync($"/tenders/{f.World.Tender}?culture=en");
        Assert.Matches($"<a href=\"[^\"]*{dutchOnly}\" lang=\"nl\">Wijkgericht werken in Overvecht</a>", tenderPage);

        // On the Dutch page the Dutch title is the page's own language.
        Assert.Contains("<h1>Wijkgericht werken in Overvecht</h1>", await participant.GetStringAsync($"/tenders/{f.World.Tender}/dialoog/{dutchOnly}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_staff_receive_who_is_invited_to_a_theme()
    {
        Assert.Contains(f.PartnerId, (await f.App.Procurement().GetJsonAsync($"{f.Api}/themes/{f.ThemeA}"))["partners"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(f.PartnerId, (await f.World.Legal().GetJsonAsync($"{f.Api}/themes/{f.ThemeA}"))["partners"]!.ToJsonString(), StringComparison.Ordinal);

        var body = await f.World.ParticipantClient().GetStringAsync($"{f.Api}/themes/{f.ThemeA}");
        Assert.DoesNotContain(f.PartnerId, body, StringComparison.Ordinal);
        Assert.Empty(JsonNode.Parse(body)!["partners"]!.AsArray());
    }

    // Invisible-only text is blank (the field's own rule); control or direction characters are refused by name. Nothing is written.
    [Theory]
    [InlineData("messages", "text", "\u200b", "DialogueMessageTextRule")]
    [InlineData("messages", "text", "Akkoord, \u202Egeen\u202C bezwaar.", "UnreadableTextRule")]
    [InlineData("meetings", "location", "\u2060\u200b", "DialogueMeetingInputRule")]
    [InlineData("meetings", "location", "Stadskantoor\nzaal 4.12", "UnreadableTextRule")]
    [InlineData("meetings", "agenda", "\uFEFF", "DialogueMeetingInputRule")]
    [InlineData("meetings", "agenda", "Wachtlijsten\u0007", "UnreadableTextRule")]
    [InlineData("themes", "titleNl", "\u200b", "DialogueThemeTitleRule")]
    [InlineData("themes", "titleEn", "Waiting \u202Elists", "UnreadableTextRule")]
    public async Task Dialogue_texts_must_be_readable(string what, string field, string text, string rule)
    {
        var body = new Dictionary<string, object>
        {
            ["text"] = "Vanuit de gemeente: graag een voorstel.",
            ["startsAt"] = new DateTimeOffset(2027, 6, 1, 10, 0, 0, TimeSpan.FromHours(2)),
            ["location"] = "Stadskantoor Utrecht, zaal 4.12",
            ["agenda"] = "Gedeelde benadering",
            ["titleNl"] = "Wachtlijsten in de wijk",
            [field] = text,
        };
        var route = what == "themes" ? $"{f.Api}/themes" : $"{f.Api}/themes/{f.ThemeA}/{what}";
        var count = async () => what == "themes"
            ? (await f.App.Procurement().GetArrayAsync($"{f.Api}/themes")).Count
            : (await f.App.Procurement().GetJsonAsync($"{f.Api}/themes/{f.ThemeA}"))[what]!.AsArray().Count;
        var before = await count();

        var response = await f.App.Procurement().PostAsJsonAsync(route, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(rule, await RuleAsync(response));
        Assert.Equal(before, await count());
    }

    [Fact]
    public async Task A_partner_sees_nothing_before_the_declaration_and_afterwards_only_its_own_theme()
    {
        var procurement = f.App.Procurement();
        var meetingA = await f.MeetingAsync(procurement, f.ThemeA);
        var meetingB = await f.MeetingAsync(procurement, f.ThemeB);
        var documentB = await f.MinutesAsync(procurement, meetingB);
        var partner = f.Partner();

        // Before the declaration: nothing, not even the list, and not by the tender page API either.
        foreach (var route in DialogueRoutes.TenderRoutes(f.Api).Where(r => r.Name != "POST declaration")
                     .Concat(DialogueRoutes.ThemeRoutes(f.Api, f.ThemeA, meetingA)).Concat(DialogueRoutes.ThemeRoutes(f.Api, f.ThemeB, meetingB)))
        {
            var response = await route.Send(partner);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{route.Name}: {(int)response.StatusCode}");
        }
        Assert.Equal("DialogueDeclarationRule", await RuleAsync(await partner.GetAsync($"{f.Api}/themes")));
        Assert.Null((await partner.GetJsonAsync($"/api/tenders/{f.World.Tender}"))["themes"]);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/documents/{documentB}")).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await partner.PostAsJsonAsync($"{f.Api}/declaration", new { accept = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await partner.PostAsJsonAsync($"{f.Api}/declaration", new { accept = true })).StatusCode);
        var declared = Assert.Single(await f.AuditAsync("dialogue.declaration.accepted"));
        Assert.Equal(f.PartnerId, declared["actorId"]!.GetValue<string>());
        Assert.Equal(64, declared["payload"]!["sha256"]!.GetValue<string>().Length);

        // Afterwards: theme A only.
        var list = await partner.GetArrayAsync($"{f.Api}/themes");
        Assert.Equal(f.ThemeA, Assert.Single(list)!["id"]!.GetValue<string>());
        var tenderThemes = (await partner.GetJsonAsync($"/api/tenders/{f.World.Tender}"))["themes"]!.AsArray();
        Assert.Equal(list[0]!["key"]!.GetValue<string>(), Assert.Single(tenderThemes)!["key"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"{f.Api}/themes/{f.ThemeA}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await partner.PostAsJsonAsync($"{f.Api}/themes/{f.ThemeA}/messages", new { text = "Vanuit het wijkteam: graag aandacht voor wachtlijsten." })).StatusCode);
        foreach (var route in DialogueRoutes.ThemeRoutes(f.Api, f.ThemeB, meetingB))
        {
            var response = await route.Send(partner);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{route.Name} on theme B: {(int)response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/documents/{documentB}")).StatusCode);
        // In its own theme a partner reads and talks, but does not run the dialogue.
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync($"{f.Api}/themes/{f.ThemeA}/status", new { status = "waived", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsync($"{f.Api}/meetings/{meetingA}/minutes/approval", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync($"{f.Api}/themes", new { titleNl = "Eigen thema" })).StatusCode);
    }

    [Fact]
    public async Task A_partner_s_invitation_notice_and_mail_name_no_theme_before_the_declaration()
    {
        const string name = "noor.buurtteam";
        var partnerId = (await f.App.Users.EnsureAsync(name, null, "Partner")).Id;
        var theme = (await f.App.Procurement().GetArrayAsync($"{f.Api}/themes")).Single(t => t!["id"]!.GetValue<string>() == f.ThemeB)!;
        string[] titles = [theme["titleNl"]!.GetValue<string>(), theme["titleEn"]!.GetValue<string>()];

        Assert.Equal(HttpStatusCode.NoContent, (await f.App.Procurement().PostAsJsonAsync($"{f.Api}/themes/{f.ThemeB}/partners", new { userId = partnerId })).StatusCode);

        var notice = Assert.Single(await f.World.Partner(name).GetArrayAsync("/api/notifications"))!;
        Assert.Equal("dialogue.partner.invited", notice["kind"]!.GetValue<string>());
        Assert.All(titles, title => Assert.DoesNotContain(title, notice["text"]!.GetValue<string>(), StringComparison.Ordinal));
        var stored = await f.App.NotificationAsync(notice["id"]!.GetValue<Guid>());
        Assert.All(titles, title => Assert.DoesNotContain(title, stored!.TextNl + stored.TextEn, StringComparison.Ordinal));
        Assert.Contains("geheimhoudingsverklaring", stored!.TextNl, StringComparison.Ordinal);
        Assert.Contains("confidentiality declaration", stored.TextEn, StringComparison.Ordinal);
        await f.App.DeliverMailAsync();
        var mail = f.App.LoadSingleMail(stored!.Id);
        Assert.All(titles, title => Assert.DoesNotContain(title, mail.Subject + mail.TextBody + mail.HtmlBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_bidder_is_refused_on_every_dialogue_route()
    {
        var procurement = f.App.Procurement();
        var meeting = await f.MeetingAsync(procurement, f.ThemeB);
        var document = await f.MinutesAsync(procurement, meeting);
        for (var member = 0; member < 2; member++)
        {
            var rejected = f.World.RejectedClient(member);
            foreach (var route in DialogueRoutes.TenderRoutes(f.Api).Concat(DialogueRoutes.ThemeRoutes(f.Api, f.ThemeB, meeting)))
            {
                var response = await route.Send(rejected);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{route.Name} as rejected member {member}: {(int)response.StatusCode}");
            }
            Assert.Equal(HttpStatusCode.NotFound, (await rejected.GetAsync($"/api/documents/{document}")).StatusCode);
            // The tender page API no longer shows rejected candidates the themes (ReadConfidential is not dialogue access).
            Assert.Null((await rejected.GetJsonAsync($"/api/tenders/{f.World.Tender}"))["themes"]);
        }
        foreach (var outsider in new[] { f.World.Evaluator(), f.App.ClientAs("adam.beheer", "Admin"), f.App.CreateClient() })
        {
            foreach (var route in DialogueRoutes.TenderRoutes(f.Api).Concat(DialogueRoutes.ThemeRoutes(f.Api, f.ThemeB, meeting)))
            {
                var response = await route.Send(outsider);
                Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{route.Name}: {(int)response.StatusCode}");
            }
        }
        Assert.Equal(11, (await f.World.ParticipantClient().GetJsonAsync($"/api/tenders/{f.World.Tender}"))["themes"]!.AsArray().Count(t => !t!["key"]!.GetValue<string>().StartsWith("extra-")));
    }

    [Fact]
    public async Task The_tender_api_explains_why_a_step_cannot_be_taken_only_to_those_who_may_take_it()
    {
        const string title = "Afspraken met huisartsen in Zuilen";
        Assert.Equal(HttpStatusCode.Created, (await f.World.ParticipantClient().PostAsJsonAsync($"{f.Api}/themes", new { titleNl = title })).StatusCode);

        foreach (var (who, reader) in new[]
                 {
                     ("rejected candidate", f.World.RejectedClient(0)), ("evaluator", f.World.Evaluator()), ("Admin", f.App.ClientAs("adam.beheer", "Admin")),
                 })
        {
            var body = await reader.GetStringAsync($"/api/tenders/{f.World.Tender}");
            Assert.False(body.Contains(title, StringComparison.Ordinal), $"the {who} reads an unsettled theme's title");
            Assert.All(JsonNode.Parse(body)!["triggers"]!.AsArray(), t => Assert.Empty(t!["unmetGuards"]!.AsArray()));
        }
        // The control: Procurement, who concludes the dialogue, is told which themes are not settled.
        var conclude = (await f.App.Procurement().GetJsonAsync($"/api/tenders/{f.World.Tender}"))["triggers"]!.AsArray()
            .Single(t => t!["id"]!.GetValue<string>() == "concludeDialogue")!;
        Assert.Contains(title, conclude["unmetGuards"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Legal_reads_everything_and_every_write_refuses_Legal()
    {
        var procurement = f.App.Procurement();
        var meeting = await f.MeetingAsync(procurement, f.ThemeB);
        var document = await f.MinutesAsync(procurement, meeting);
        var legal = f.World.Legal();
        Assert.True((await legal.GetArrayAsync($"{f.Api}/themes")).Count >= 11);
        var detail = await legal.GetJsonAsync($"{f.Api}/themes/{f.ThemeB}");
        Assert.Contains(detail["meetings"]!.AsArray(), m => m!["id"]!.GetValue<string>() == meeting);
        Assert.Equal(HttpStatusCode.OK, (await legal.GetAsync($"/api/documents/{document}")).StatusCode);
        foreach (var route in DialogueRoutes.TenderRoutes(f.Api).Concat(DialogueRoutes.ThemeRoutes(f.Api, f.ThemeB, meeting)).Where(r => !r.IsRead))
        {
            var response = await route.Send(legal);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{route.Name} as Legal: {(int)response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.OK, (await legal.GetAsync($"{f.Api}/themes/{f.ThemeB}")).StatusCode);
    }

    [Fact]
    public async Task A_theme_with_approved_minutes_is_settled_and_a_waiver_drops_the_agreement()
    {
        var procurement = f.App.Procurement();
        var participant = f.World.ParticipantClient();
        var theme = await f.CreatedIdAsync(await participant.PostAsJsonAsync($"{f.Api}/themes", new { titleNl = "Vervoer naar de dagbesteding" }));
        var status = $"{f.Api}/themes/{theme}/status";
        Assert.Equal("DialogueStatusTextLengthRule", await RuleAsync(await procurement.PostAsJsonAsync(status, new { status = "agreed", agreedOutcome = new string('a', 8001) })));
        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync(status, new { status = "agreed", agreedOutcome = "Vervoer per wijk gebundeld." })).StatusCode);
        var meeting = await f.MeetingAsync(participant, theme);
        var minutes = await f.MinutesAsync(participant, meeting);

        // Settling with minutes awaiting approval takes a reason (DialogueUnapprovedMinutesTests); here they are approved first.
        Assert.Equal("DialogueMinutesAwaitingApprovalRule", await RuleAsync(await procurement.PostAsJsonAsync(status, new { status = "closed" })));
        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync($"{f.Api}/meetings/{meeting}/minutes/approval", new { documentId = minutes })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync(status, new { status = "waived", reason = "Valt buiten de opdracht." })).StatusCode);

        var body = await procurement.GetJsonAsync($"{f.Api}/themes/{theme}");
        Assert.Equal("waived", body["status"]!.GetValue<string>());
        Assert.Null(body["agreedOutcome"]);
    }

    [Fact]
    public async Task Minutes_are_approved_by_the_other_side_only()
    {
        var participant = f.World.ParticipantClient();
        var procurement = f.App.Procurement();
        var meeting = await f.MeetingAsync(participant, f.ThemeA);
        string approval = $"{f.Api}/meetings/{meeting}/minutes/approval";
        Assert.Equal("DialogueMinutesMissingRule", await RuleAsync(await procurement.PostAsJsonAsync(approval, new { documentId = Guid.NewGuid() })));
        var first = await f.MinutesAsync(participant, meeting);
        var own = await participant.PostAsJsonAsync(approval, new { documentId = first });
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal("DialogueMinutesSideRule", await RuleAsync(own));
        Assert.Equal("DialogueMinutesVersionRequiredRule", await RuleAsync(await procurement.PostAsync(approval, null)));
        Assert.Equal(HttpStatusCode.NoContent, (await procurement.PostAsJsonAsync(approval, new { documentId = first })).StatusCode);
        var minutes = (await procurement.GetJsonAsync($"{f.Api}/themes/{f.ThemeA}"))["meetings"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == meeting)!["minutes"]!;
        Assert.True(minutes["approved"]!.GetValue<bool>());
        Assert.Equal("participant", minutes["uploadedBy"]!.GetValue<string>());

        // A new version withdraws the approval; Procurement uploaded it, so Procurement may not approve it.
        var second = await f.MinutesAsync(procurement, meeting);
        Assert.Equal("DialogueMinutesSideRule", await RuleAsync(await procurement.PostAsJsonAsync(approval, new { documentId = second })));
        // The participant read the second version; a colleague at Procurement then replaced it: approving what was read is refused.
        var third = await f.MinutesAsync(f.App.ClientAs("bert.inkoper", "Procurement"), meeting);
        Assert.Equal("DialogueMinutesChangedRule", await RuleAsync(await participant.PostAsJsonAsync(approval, new { documentId = second })));
        Assert.Equal(HttpStatusCode.NoContent, (await participant.PostAsJsonAsync(approval, new { documentId = third })).StatusCode);
        var approved = await f.AuditAsync("dialogue.minutes.approved");
        Assert.Equal(third, approved.Last()["payload"]!["document"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_participant_adds_a_theme_and_talks_and_the_other_side_is_notified()
    {
        var participant = f.World.ParticipantClient();
        // A former employee of the participant: the organisation field stayed, the Bidder role was taken away.
        var former = await f.App.Users.EnsureAsync("oud.medewerker", f.World.Participant.Organisations[0]);
        var created = await participant.PostAsJsonAsync($"{f.Api}/themes", new { titleNl = "Inzet van ervaringsdeskundigen in de wijk" });
        var theme = await f.CreatedIdAsync(created);
        var body = JsonNode.Parse(await participant.GetStringAsync($"{f.Api}/themes/{theme}"))!;
        Assert.Equal("extra-inzet-van-ervaringsdeskundigen-in-de-wijk", body["key"]!.GetValue<string>());
        Assert.Equal("open", body["status"]!.GetValue<string>());
        Assert.Equal("DialogueThemeTitleRule", await RuleAsync(await participant.PostAsJsonAsync($"{f.Api}/themes", new { titleNl = " " })));

        var first = await f.CreatedIdAsync(await participant.PostAsJsonAsync($"{f.Api}/themes/{theme}/messages", new { text = "Wij stellen voor te starten in Overvecht." }));
        var reply = await f.CreatedIdAsync(await f.App.Procurement().PostAsJsonAsync($"{f.Api}/themes/{theme}/messages", new { text = "Akkoord, en Kanaleneiland?", replyTo = first }));
        Assert.Equal("DialogueReplyRule", await RuleAsync(await participant.PostAsJsonAsync($"{f.Api}/themes/{f.ThemeA}/messages", new { text = "x", replyTo = first })));
        var messages = (await participant.GetJsonAsync($"{f.Api}/themes/{theme}"))["messages"]!.AsArray();
        Assert.Equal(first, messages.Single(m => m!["id"]!.GetValue<string>() == reply)!["replyTo"]!.GetValue<string>());
        Assert.Contains(await f.App.Procurement().GetArrayAsync("/api/notifications"), n => n!["kind"]?.GetValue<string>() == "dialogue.message.posted");
        Assert.Contains(await participant.GetArrayAsync("/api/notifications"), n => n!["kind"]?.GetValue<string>() == "dialogue.message.posted");
        using (var scope = f.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Web.Data.TenderFlowDbContext>();
            Assert.False(db.Notifications.Any(n => n.UserId == former.Id), "someone no longer a Bidder still got the participant's dialogue notifications (and their e-mail)");
        }

        // Admin, outside the dialogue, sees in the legal workspace that the theme exists and who read it, not what it is about.
        var reads = $"/api/tenders/{f.World.Tender}/legal/reads";
        Assert.Contains("ervaringsdeskundigen", (await f.World.Legal().GetArrayAsync(reads)).ToJsonString(), StringComparison.Ordinal);
        var adminSees = (await f.App.ClientAs("adam.beheer", "Admin").GetArrayAsync(reads)).ToJsonString();
        Assert.True(!adminSees.Replace("extra-inzet-van-ervaringsdeskundigen-in-de-wijk", "").Contains("ervaringsdeskundigen", StringComparison.Ordinal), adminSees);
    }

    [Fact]
    public async Task A_dialogue_file_name_reaches_Legal_but_not_Admin_through_the_trail_the_ledger_or_an_export()
    {
        const string name = "tariefvoorstel-taakgericht-87-euro.pdf";
        var shared = await f.World.ParticipantClient().PostAsync($"{f.Api}/themes/{f.ThemeA}/documents", TestFiles.Form(TestFiles.Pdf("Tarief"), name));
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        var meeting = await f.MeetingAsync(f.App.Procurement(), f.ThemeA);
        var minutes = await f.App.Procurement().PostAsync($"{f.Api}/meetings/{meeting}/minutes", TestFiles.Form(TestFiles.Pdf("Verslag"), "verslag-tarieven-87-euro.pdf"));
        Assert.Equal(HttpStatusCode.OK, minutes.StatusCode);

        var admin = f.App.ClientAs("adam.beheer", "Admin");
        var seen = (await admin.GetArrayAsync($"/api/tenders/{f.World.Tender}/audit")).ToJsonString()
            + (await admin.GetArrayAsync("/api/audit/events?action=document.uploaded&limit=1000")).ToJsonString()
            + (await admin.GetArrayAsync($"/api/tenders/{f.World.Tender}/legal/reads")).ToJsonString()
            + await ExportedDocumentsAsync(admin);
        Assert.DoesNotContain("87-euro", seen, StringComparison.Ordinal);

        Assert.Contains(name, (await f.World.Legal().GetArrayAsync($"/api/tenders/{f.World.Tender}/audit")).ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("verslag-tarieven-87-euro.pdf", (await f.World.Legal().GetArrayAsync($"/api/tenders/{f.World.Tender}/audit")).ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(name, await ExportedDocumentsAsync(f.World.Legal()), StringComparison.Ordinal);
    }

    private Task<string> ExportedDocumentsAsync(HttpClient client) => AuditPackageFiles.ReadAsync(client, f.World.Tender, "documents.jsonl");

    [Fact]
    public async Task Every_read_of_dialogue_content_is_audited_with_who_and_which_theme()
    {
        var participant = f.World.ParticipantClient();
        var before = (await f.AuditAsync("dialogue.theme.read")).Count;
        await participant.GetAsync($"{f.Api}/themes/{f.ThemeB}");
        await f.World.Legal().GetAsync($"{f.Api}/themes/{f.ThemeB}");
        var reads = await f.AuditAsync("dialogue.theme.read");
        Assert.Equal(before + 2, reads.Count);
        Assert.Equal($"dialogue-theme/{f.ThemeB}", reads[^1]["subject"]!.GetValue<string>());
        Assert.Equal("Legal", reads[^1]["actorRole"]!.GetValue<string>());
        Assert.Equal("Bidder", reads[^2]["actorRole"]!.GetValue<string>());
        Assert.NotEmpty(await f.AuditAsync("dialogue.themes.read"));

        // The list of themes on the tender page and in the tender API is a read of dialogue content too.
        var listed = (await f.AuditAsync("dialogue.themes.read")).Count;
        await participant.GetStringAsync($"/api/tenders/{f.World.Tender}");
        await participant.GetStringAsync($"/tenders/{f.World.Tender}");
        var after = await f.AuditAsync("dialogue.themes.read");
        Assert.Equal(listed + 2, after.Count);
        Assert.All(after.Skip(listed), e => Assert.Equal("Bidder", e["actorRole"]!.GetValue<string>()));
        Assert.Contains(f.ThemeB, after[^1]["payload"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }
}
