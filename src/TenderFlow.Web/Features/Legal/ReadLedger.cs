using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Dialogue;
using TenderFlow.Domain.Documents;
using TenderFlow.Domain.Tenders;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Dialogue;

namespace TenderFlow.Web.Features.Legal;

public enum ReadSubjectKind
{
    Document,
    DialogueTheme,
    DialogueMessage,
}

/// <summary>A "who saw what" subject as written in audit events: <c>document/{id}</c>, <c>dialogue-theme/{id}</c>, <c>dialogue-message/{id}</c>.</summary>
public sealed record ReadSubject(ReadSubjectKind Kind, Guid Id)
{
    public override string ToString() => $"{Prefix(Kind)}/{Id}";

    public static string Prefix(ReadSubjectKind kind) => kind switch
    {
        ReadSubjectKind.Document => "document",
        ReadSubjectKind.DialogueTheme => "dialogue-theme",
        _ => "dialogue-message",
    };

    public static ReadSubject? Parse(string? text)
    {
        var slash = text?.IndexOf('/') ?? -1;
        if (text is null || slash < 0 || !Guid.TryParse(text[(slash + 1)..], out var id))
        {
            return null;
        }
        return text[..slash] switch
        {
            "document" => new ReadSubject(ReadSubjectKind.Document, id),
            "dialogue-theme" => new ReadSubject(ReadSubjectKind.DialogueTheme, id),
            "dialogue-message" => new ReadSubject(ReadSubjectKind.DialogueMessage, id),
            _ => null,
        };
    }
}

/// <summary>One recorded read (or the creation) of a subject: the audit event with its actor.</summary>
public sealed record ReadEntry(long Sequence, DateTime AtUtc, string Action, string ActorId, string ActorName, string Role, string? OrganisationName)
{
    public static ReadEntry Of(HistoryEvent e) =>
        new(e.Event.Sequence, e.Event.OccurredAtUtc, e.Event.Action, e.Event.ActorId, e.ActorName, e.Event.ActorRole, e.OrganisationName);
}

/// <summary>A document or dialogue item with its metadata only (never a message's text), who made it and how often it was read.</summary>
public sealed record ReadItem(ReadSubject Subject, string Title, string Detail, ReadEntry? Created, IReadOnlyList<ReadEntry> Reads);

/// <summary>
/// Who saw what, from the audit trail alone: <c>document.read</c> per document; <c>dialogue.theme.read</c> (the theme page,
/// with its messages) and <c>dialogue.themes.read</c> (the list, which names the themes in its payload) per theme; a message
/// counts as read by every theme-page read of its theme at or after its posting, as that page shows all its messages.
/// Message texts are never loaded into the views made here.
/// </summary>
public sealed class ReadLedger(TenderFlowDbContext db)
{
    public const string DocumentRead = "document.read";
    public const string ThemeRead = "dialogue.theme.read";
    public const string ThemesRead = "dialogue.themes.read";

    public async Task<IReadOnlyList<ReadItem>> ItemsAsync(DossierData dossier, CancellationToken cancellationToken)
    {
        var documents = await db.Documents.AsNoTracking().Where(d => d.TenderId == dossier.Tender.Id).ToListAsync(cancellationToken);
        var messages = await MessagesAsync(dossier.Tender.Id, cancellationToken);
        var index = Index(dossier.History);
        var items = new List<ReadItem>();
        items.AddRange(documents.OrderBy(d => d.UploadedAtUtc).ThenBy(d => d.Kind, StringComparer.Ordinal).Select(d => Document(d, index, dossier.Reader)));
        foreach (var theme in dossier.Tender.Themes.OrderBy(t => t.AddedAtUtc is not null).ThenBy(t => t.AddedAtUtc).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            items.Add(Theme(theme, index, dossier.Reader));
            items.AddRange(messages.Where(m => m.ThemeId == theme.Id).OrderBy(m => m.PostedAtUtc).Select(m => Message(m, theme, index, dossier.Reader)));
        }
        return items;
    }

    /// <summary>The subject's item, or null when it is not one of this tender's.</summary>
    public async Task<ReadItem?> ItemAsync(DossierData dossier, ReadSubject subject, CancellationToken cancellationToken)
    {
        var tenderId = dossier.Tender.Id;
        var index = Index(dossier.History);
        switch (subject.Kind)
        {
            case ReadSubjectKind.Document:
                var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == subject.Id && d.TenderId == tenderId, cancellationToken);
                return document is null ? null : Document(document, index, dossier.Reader);
            case ReadSubjectKind.DialogueTheme:
                var theme = dossier.Tender.Themes.SingleOrDefault(t => t.Id == subject.Id);
                return theme is null ? null : Theme(theme, index, dossier.Reader);
            default:
                var message = (await MessagesAsync(tenderId, cancellationToken)).SingleOrDefault(m => m.Id == subject.Id);
                var of = message is null ? null : dossier.Tender.Themes.SingleOrDefault(t => t.Id == message.ThemeId);
                return message is null || of is null ? null : Message(message, of, index, dossier.Reader);
        }
    }

    /// <summary>A message without its text: the length is all that is kept of it.</summary>
    private sealed record MessageFacts(Guid Id, Guid ThemeId, string AuthorName, DialogueSide Side, DateTime PostedAtUtc, int Length);

    private Task<List<MessageFacts>> MessagesAsync(Guid tenderId, CancellationToken cancellationToken) =>
        db.DialogueMessages.AsNoTracking().Where(m => m.TenderId == tenderId)
            .Select(m => new MessageFacts(m.Id, m.ThemeId, m.AuthorName, m.Side, m.PostedAtUtc, m.Text.Length)).ToListAsync(cancellationToken);

    private sealed record SubjectIndex(ILookup<string, HistoryEvent> BySubject, ILookup<Guid, HistoryEvent> ListedThemes);

    private static SubjectIndex Index(IReadOnlyList<HistoryEvent> history) =>
        new(history.ToLookup(e => e.Event.Subject, StringComparer.Ordinal),
            history.Where(e => e.Event.Action == ThemesRead).SelectMany(e => ListedThemeIds(e.Event.PayloadJson).Select(id => (id, e))).ToLookup(p => p.id, p => p.e));

    private static ReadItem Document(DocumentRecord d, SubjectIndex index, DossierReader reader)
    {
        var subject = new ReadSubject(ReadSubjectKind.Document, d.Id);
        var events = index.BySubject[subject.ToString()].ToList();
        var created = events.FirstOrDefault(e => e.Event.Action == "document.uploaded");
        var name = reader.Seals(d) ? PortalText.For(new("Verzegeld document (naam na de opening)", "Sealed document (name after the opening)"))
            : !reader.SeesDialogueTitles && d.Kind.StartsWith("dialogue.", StringComparison.Ordinal) ? PortalText.For(new("Dialoogdocument", "Dialogue document"))
            : d.FileName;
        return new ReadItem(subject, name, $"{d.Kind} · v{d.Version} · sha256 {d.Sha256[..Math.Min(12, d.Sha256.Length)]}",
            created is null ? null : ReadEntry.Of(created), events.Where(e => e.Event.Action == DocumentRead).Select(ReadEntry.Of).ToList());
    }

    private static ReadItem Theme(DialogueTheme t, SubjectIndex index, DossierReader reader)
    {
        var subject = new ReadSubject(ReadSubjectKind.DialogueTheme, t.Id);
        var events = index.BySubject[subject.ToString()].ToList();
        var created = events.FirstOrDefault(e => e.Event.Action == "dialogue.theme.added");
        var reads = events.Where(e => e.Event.Action == ThemeRead).Concat(index.ListedThemes[t.Id])
            .OrderBy(e => e.Event.Sequence).Select(ReadEntry.Of).ToList();
        return new ReadItem(subject, ThemeLabel(t, reader), reader.SeesDialogueTitles ? t.Key : "—", created is null ? null : ReadEntry.Of(created), reads);
    }

    /// <summary>The theme's title, or for a reader outside the dialogue a neutral label (a participant-added theme's key is made from its title).</summary>
    private static string ThemeLabel(DialogueTheme t, DossierReader reader)
    {
        var id = t.Id.ToString("N")[..8];
        return reader.SeesDialogueTitles ? PortalText.For(new(t.TitleNl, t.TitleEn)) : PortalText.For(new($"Dialoogthema {id}", $"Dialogue theme {id}"));
    }

    private static ReadItem Message(MessageFacts m, DialogueTheme theme, SubjectIndex index, DossierReader reader)
    {
        var subject = new ReadSubject(ReadSubjectKind.DialogueMessage, m.Id);
        var created = index.BySubject[subject.ToString()].FirstOrDefault(e => e.Event.Action == "dialogue.message.posted");
        var reads = index.BySubject[new ReadSubject(ReadSubjectKind.DialogueTheme, theme.Id).ToString()]
            .Where(e => e.Event.Action == ThemeRead && e.Event.OccurredAtUtc >= m.PostedAtUtc).Select(ReadEntry.Of).ToList();
        return new ReadItem(subject, ThemeLabel(theme, reader),
            $"{m.AuthorName} · {DialogueQueries.SideName(m.Side)} · {m.Length} {PortalText.Get("characters (message length)")}", created is null ? null : ReadEntry.Of(created), reads);
    }

    private static IEnumerable<Guid> ListedThemeIds(string payloadJson)
    {
        using var payload = JsonDocument.Parse(payloadJson);
        if (!payload.RootElement.TryGetProperty("themes", out var themes) || themes.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        return themes.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String && Guid.TryParse(t.GetString(), out _))
            .Select(t => Guid.Parse(t.GetString()!)).ToList();
    }
}
