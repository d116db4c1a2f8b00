using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TenderFlow.Domain.Notifications;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Notifications;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Notifications;

/// <summary>A busy inbox: every notification can be reached, and "mark all as read" marks only what the page could show.</summary>
public sealed class InboxPagingTests : IDisposable
{
    private readonly TenderFlowFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task AddAsync(string userId, int count, string text)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var start = _app.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < count; i++)
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.NewGuid(), UserId = userId, Kind = "test.notice", TextNl = $"{text} {i}", TextEn = $"{text} {i}", CreatedAtUtc = start.AddSeconds(i),
                MailedAtUtc = start,
            });
        }
        await db.SaveChangesAsync();
        _app.Clock.Advance(TimeSpan.FromSeconds(count + 1));
    }

    [Fact]
    public async Task The_oldest_notification_is_reached_on_a_later_page_and_one_arriving_after_the_page_stays_unread()
    {
        var user = await _app.Users.EnsureAsync("pia.drukbezet", null, "Procurement");
        await AddAsync(user.Id, Inbox.PageSize + 1, "Melding");
        var client = await _app.Users.ClientAsync("pia.drukbezet", null, "Procurement");

        var first = WebUtility.HtmlDecode(await (await client.GetAsync("/meldingen")).Content.ReadAsStringAsync());
        Assert.Contains($"{Inbox.PageSize + 1} ongelezen", first);
        Assert.DoesNotContain("Melding 0<", first);
        Assert.Contains("?page=2", first);
        var second = WebUtility.HtmlDecode(await (await client.GetAsync("/meldingen?page=2")).Content.ReadAsStringAsync());
        Assert.Contains("Melding 0", second);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/meldingen?page={int.MaxValue}")).StatusCode);
        Assert.Equal("Melding 0", Assert.Single(await client.GetArrayAsync("/api/notifications?page=2"))!["text"]!.GetValue<string>());

        // The page is loaded; then one more notification arrives; then the person marks all as read.
        var form = await client.GetAsync("/meldingen");
        var html = await form.Content.ReadAsStringAsync();
        await AddAsync(user.Id, 1, "Nieuw na het laden");
        var token = Portal.PortalForms.TokenIn(html);
        var upTo = System.Text.RegularExpressions.Regex.Match(html, "name=\"upTo\" value=\"([^\"]+)\"").Groups[1].Value;
        var marked = await client.PostAsync("/meldingen?handler=ReadAll", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["upTo"] = upTo }));
        Assert.True(marked.IsSuccessStatusCode || marked.StatusCode == HttpStatusCode.Redirect, marked.StatusCode.ToString());

        var unread = (await client.GetArrayAsync("/api/notifications")).Where(n => n!["unread"]!.GetValue<bool>()).Select(n => n!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(["Nieuw na het laden 0"], unread);
        Assert.DoesNotContain(await client.GetArrayAsync("/api/notifications?page=2"), n => n!["unread"]!.GetValue<bool>());
    }
}
