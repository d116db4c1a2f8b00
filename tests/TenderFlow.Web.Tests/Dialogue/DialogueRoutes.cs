using System.Net.Http.Json;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Dialogue;

/// <summary>Every dialogue route, aimed at one theme and one meeting, as reads and writes.</summary>
public static class DialogueRoutes
{
    public sealed record Route(string Name, Func<HttpClient, Task<HttpResponseMessage>> Send, bool IsRead);

    public static IReadOnlyList<Route> ThemeRoutes(string api, string theme, string meeting) =>
    [
        new("GET theme", c => c.GetAsync($"{api}/themes/{theme}"), true),
        new("POST status", c => c.PostAsJsonAsync($"{api}/themes/{theme}/status", new { status = "waived", reason = "Niet nodig" }), false),
        new("POST partners", c => c.PostAsJsonAsync($"{api}/themes/{theme}/partners", new { userId = "x" }), false),
        new("DELETE partners", c => c.DeleteAsync($"{api}/themes/{theme}/partners/x"), false),
        new("POST messages", c => c.PostAsJsonAsync($"{api}/themes/{theme}/messages", new { text = "Mag ik meelezen?" }), false),
        new("POST meetings", c => c.PostAsJsonAsync($"{api}/themes/{theme}/meetings",
            new { startsAt = new DateTimeOffset(2027, 6, 2, 10, 0, 0, TimeSpan.FromHours(2)), location = "Online", agenda = "Agenda" }), false),
        new("POST minutes", c => c.PostAsync($"{api}/meetings/{meeting}/minutes", TestFiles.Form(TestFiles.Pdf("Verslag"), "verslag.pdf")), false),
        new("POST minutes approval", c => c.PostAsync($"{api}/meetings/{meeting}/minutes/approval", null), false),
        new("POST documents", c => c.PostAsync($"{api}/themes/{theme}/documents", TestFiles.Form(TestFiles.Pdf("Notitie"), "notitie.pdf")), false),
    ];

    public static IReadOnlyList<Route> TenderRoutes(string api) =>
    [
        new("GET themes", c => c.GetAsync($"{api}/themes"), true),
        new("POST themes", c => c.PostAsJsonAsync($"{api}/themes", new { titleNl = "Extra thema" }), false),
        new("POST declaration", c => c.PostAsJsonAsync($"{api}/declaration", new { accept = true }), false),
    ];
}
