using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Evaluation;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Award;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Decisions;

/// <summary>
/// Builds every decision of a tender from its audit history (<see cref="TenderHistory"/>) and the feature tables: the one
/// place the pages, the API and the PDFs get their dossiers from. It reads only decision data: reasons, people, document
/// metadata and hashes — never dialogue content, scores' motivations or sealed content.
/// </summary>
public sealed class DecisionDossiers(TenderFlowDbContext db, TenderHistory history, DefinitionCatalog catalog)
{
    public async Task<TenderDecisions> BuildAsync(Tender tender, CancellationToken ct)
    {
        var workflow = await catalog.ForHashAsync(db, tender.DefinitionHash, ct);
        var events = await history.LoadAsync(tender, workflow, ct);
        var snapshot = await db.DefinitionSnapshots.AsNoTracking().Where(s => s.Hash == tender.DefinitionHash)
            .Select(s => new { s.DefinitionId, s.Version }).SingleOrDefaultAsync(ct);
        var definition = new DecisionDefinition(snapshot?.DefinitionId ?? tender.DefinitionId, snapshot?.Version ?? tender.DefinitionVersion, tender.DefinitionHash, snapshot is not null);
        var context = await ContextAsync(tender, events, ct);
        var decisions = new List<Decision>();
        decisions.AddRange(await SelectionsAsync(events, context, definition, ct));
        decisions.AddRange(Openings(events, context, definition));
        decisions.AddRange(await AwardsAsync(tender, events, context, definition, ct));
        decisions.AddRange(await ObjectionsAsync(tender, events, context, definition, ct));
        decisions.AddRange(Deadlines(events, workflow, context, definition));
        var ordered = decisions.OrderBy(d => DecisionKinds.Ordered.ToList().IndexOf(d.Kind)).ThenBy(d => d.DecidedAtUtc).ThenBy(d => d.Events.FirstOrDefault()?.Sequence).ToList();
        return new TenderDecisions(tender.Id, tender.Reference, tender.Title, tender.Phase, definition, ordered);
    }

    private sealed record Context(
        IReadOnlyDictionary<string, (string Name, string? Organisation)> Users,
        IReadOnlyList<(string UserId, bool IsChair, bool Recused)> Evaluators,
        IReadOnlyDictionary<Guid, DecisionDocument> Documents);

    private async Task<Context> ContextAsync(Tender tender, IReadOnlyList<HistoryEvent> events, CancellationToken ct)
    {
        var evaluators = await db.EvaluatorAssignments.AsNoTracking().Where(a => a.TenderId == tender.Id).OrderByDescending(a => a.IsChair).ThenBy(a => a.AssignedAtUtc).ToListAsync(ct);
        var recused = await db.ConflictDeclarations.AsNoTracking().Where(c => c.TenderId == tender.Id && c.Resolution == ConflictResolution.Recused)
            .Select(c => c.EvaluatorUserId).ToListAsync(ct);
        var objectionUsers = await db.Objections.AsNoTracking().Where(o => o.TenderId == tender.Id)
            .Select(o => new[] { o.FiledByUserId, o.AdvisedByUserId, o.ResolvedByUserId }).ToListAsync(ct);
        var ids = evaluators.Select(e => e.UserId).Concat(objectionUsers.SelectMany(o => o).OfType<string>()).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.OrganisationId }).ToListAsync(ct);
        var organisationIds = users.Where(u => u.OrganisationId != null).Select(u => u.OrganisationId!.Value).ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        // As they acted in this tender (the history knows the organisation at each moment); today's only for who never acted in it.
        var names = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            names[e.Event.ActorId] = (e.ActorName, e.OrganisationName);
        }
        foreach (var u in users)
        {
            names.TryAdd(u.Id, (u.DisplayName, u.OrganisationId is { } o ? organisations.GetValueOrDefault(o) : null));
        }
        var documents = await db.Documents.AsNoTracking().Where(d => d.TenderId == tender.Id)
            .Select(d => new DecisionDocument(d.Id, d.FileName, d.Kind, d.Version, d.SizeBytes, d.Sha256)).ToDictionaryAsync(d => d.Id, ct);
        return new Context(names, evaluators.Select(e => (e.UserId, e.IsChair, recused.Contains(e.UserId))).ToList(), documents);
    }

    private async Task<IEnumerable<Decision>> SelectionsAsync(IReadOnlyList<HistoryEvent> events, Context context, DecisionDefinition definition, CancellationToken ct)
    {
        var drafts = new List<SelectionDraft>();
        var selected = new List<HistoryEvent>();
        foreach (var e in events)
        {
            var current = drafts.LastOrDefault();
            if (e.Event.Action == "evaluation.candidate.selected")
            {
                selected.Add(e);
            }
            else if (IsStep(e, "announceSelection"))
            {
                drafts.Add(new SelectionDraft(e, [.. selected], drafts.Count + 1));
                selected.Clear();
            }
            else if (current is not null && e.Event.Action is "evaluation.selection.announced" or "evaluation.letter.sent")
            {
                current.Related.Add(e);
            }
            else if (current is not null && IsStep(e, AwardNames.ReviseSelectionTrigger))
            {
                current.Revision = e;
            }
        }
        var result = new List<Decision>();
        foreach (var draft in drafts)
        {
            result.Add(await SelectionAsync(draft, context, definition, ct));
        }
        return result;
    }

    private sealed class SelectionDraft(HistoryEvent step, List<HistoryEvent> selected, int index)
    {
        public HistoryEvent Step { get; } = step;
        public List<HistoryEvent> Selected { get; } = selected;
        public List<HistoryEvent> Related { get; } = [];
        public HistoryEvent? Revision { get; set; }
        public int Index { get; } = index;
    }

    private async Task<Decision> SelectionAsync(SelectionDraft draft, Context context, DecisionDefinition definition, CancellationToken ct)
    {
        var choice = draft.Selected.LastOrDefault();
        var reasons = new List<DecisionReason>();
        var summary = new LocalizedText("Selectiebeslissing bekendgemaakt.", "Selection decision announced.");
        if (choice is not null)
        {
            using var payload = JsonDocument.Parse(choice.Event.PayloadJson);
            var root = payload.RootElement;
            var applicationId = Guid.Parse(choice.Event.Subject["application/".Length..]);
            var (name, _) = await ParticipantNames.OfApplicationAsync(db, applicationId, ct);
            var rank = Number(root, "rank");
            var basis = Text(root, "basis");
            summary = new($"Geselecteerd: {name} (rang {rank}).", $"Selected: {name} (rank {rank}).");
            reasons.Add(new DecisionReason(new("Grondslag", "Basis"), basis switch
            {
                "rank1" => new LocalizedText("Hoogste totaalscore in de rangorde.", "Highest total score in the ranking."),
                "lot" => new("Gelijke hoogste score, beslist door loting.", "Tied highest score, decided by lot."),
                "deviation" => new("Afwijking van de rangorde.", "Deviation from the ranking."),
                _ => new(basis ?? "—", basis ?? "—"),
            }));
            if (Text(root, "reason") is { Length: > 0 } reason)
            {
                reasons.Add(new DecisionReason(new("Motivering", "Reasoning"), reason));
            }
        }
        if (Text(draft.Step, "reason") is { Length: > 0 } stepReason)
        {
            reasons.Add(new DecisionReason(new("Reden bij de stap", "Reason given with the step"), stepReason));
        }
        if (draft.Revision is { } revision)
        {
            reasons.Add(new DecisionReason(new("Reden van herziening", "Reason for the revision"), Text(revision, "reason") ?? "—"));
        }
        var people = new List<DecisionPerson>();
        if (choice is not null)
        {
            people.Add(Person(choice, new("Besluit genomen door", "Decided by")));
        }
        people.Add(Person(draft.Step, new("Bekendgemaakt door", "Announced by")));
        people.AddRange(Evaluators(context));
        if (draft.Revision is { } revised)
        {
            people.Add(Person(revised, new("Herzien door", "Revised by")));
        }
        var documents = draft.Related.Where(e => e.Event.Action == "evaluation.letter.sent")
            .Select(e => DocumentId(e.Event.PayloadJson, "documentId")).OfType<Guid>().Select(id => context.Documents.GetValueOrDefault(id)).OfType<DecisionDocument>().ToList();
        var all = draft.Selected.Append(draft.Step).Concat(draft.Related).Concat(draft.Revision is null ? [] : [draft.Revision]);
        return new Decision($"selection-{draft.Index}", DecisionKinds.Selection,
            new($"Selectiebeslissing {draft.Index}", $"Selection decision {draft.Index}"), summary, draft.Step.Event.OccurredAtUtc,
            draft.Revision is null ? new("Geldend", "In force") : new("Herzien", "Revised"),
            reasons, people, documents, definition, Refs(all));
    }

    /// <summary>
    /// One decision per opening (a vault is opened again in a new submission round after returnToDialogue): the first keeps
    /// the key <c>opening-{vault}</c>, a later one <c>opening-{vault}-{n}</c>; an opening followed by another of the same
    /// vault is marked superseded.
    /// </summary>
    private static IEnumerable<Decision> Openings(IReadOnlyList<HistoryEvent> events, Context context, DecisionDefinition definition)
    {
        var openings = events.Where(e => e.Event.Action is "vault.opening.recorded" or "vault.opened")
            .GroupBy(e => (Vault: e.Event.Subject, Opening: OpeningId(e))).ToList();
        foreach (var group in openings)
        {
            var vault = group.Key.Vault["vault/".Length..];
            var round = openings.Where(g => g.Key.Vault == group.Key.Vault).TakeWhile(g => g != group).Count() + 1;
            var superseded = openings.Where(g => g.Key.Vault == group.Key.Vault).SkipWhile(g => g != group).Skip(1).Any();
            var name = VaultName(vault);
            var recorded = group.FirstOrDefault(e => e.Event.Action == "vault.opening.recorded");
            var opened = group.FirstOrDefault(e => e.Event.Action == "vault.opened");
            var people = new List<DecisionPerson>();
            if (recorded is not null)
            {
                people.Add(Person(recorded, new("Eerste opener (vastgelegd)", "First opener (recorded)")));
            }
            var documents = new List<DecisionDocument>();
            var summary = new LocalizedText($"De opening van de kluis met {name.Nl} is vastgelegd maar nog niet voltooid.", $"The opening of the vault with {name.En} has been recorded but not completed yet.");
            if (opened is not null)
            {
                people.Add(Person(opened, new("Tweede opener (voltooid)", "Second opener (completed)")));
                using var payload = JsonDocument.Parse(opened.Event.PayloadJson);
                var root = payload.RootElement;
                if (root.TryGetProperty("record", out var record) && DocumentId(record, "documentId") is { } recordId && context.Documents.GetValueOrDefault(recordId) is { } pv)
                {
                    documents.Add(pv);
                }
                var count = 0;
                if (root.TryGetProperty("entries", out var entries) && entries.ValueKind == JsonValueKind.Array)
                {
                    foreach (var entry in entries.EnumerateArray())
                    {
                        count++;
                        if (entry.TryGetProperty("documents", out var docs) && docs.ValueKind == JsonValueKind.Array)
                        {
                            documents.AddRange(docs.EnumerateArray().Select(d => DocumentId(d, "id")).OfType<Guid>()
                                .Select(id => context.Documents.GetValueOrDefault(id)).OfType<DecisionDocument>());
                        }
                    }
                }
                summary = new($"De kluis met {name.Nl} is volgens het vier-ogenprincipe geopend: {count} ingediende stukken.",
                    $"The vault with {name.En} was opened under the four-eyes principle: {count} sealed items.");
            }
            var at = (opened ?? recorded)!.Event.OccurredAtUtc;
            var (key, titleNl, titleEn) = round == 1
                ? ($"opening-{vault}", $"Opening van de {name.Nl}", $"Opening of the {name.En}")
                : ($"opening-{vault}-{round}", $"Opening van de {name.Nl} (ronde {round})", $"Opening of the {name.En} (round {round})");
            var status = superseded ? new LocalizedText("Vervangen door een nieuwe ronde", "Superseded by a new round")
                : opened is null ? new LocalizedText("Vastgelegd, niet voltooid", "Recorded, not completed") : new LocalizedText("Geopend", "Opened");
            yield return new Decision(key, DecisionKinds.Opening, new(titleNl, titleEn), summary, at, status,
                [new DecisionReason(new("Grondslag", "Basis"), new LocalizedText("De sluitingstermijn was verstreken volgens de klok van de server; twee verschillende inkopers openden de kluis (vier ogen).",
                    "The deadline had passed by the server clock; two different buyers opened the vault (four eyes)."))],
                people, documents, definition, Refs(group));
        }
    }

    private static string? OpeningId(HistoryEvent e)
    {
        using var payload = JsonDocument.Parse(e.Event.PayloadJson);
        return payload.RootElement.TryGetProperty("openingId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
    }

    private async Task<IEnumerable<Decision>> AwardsAsync(Tender tender, IReadOnlyList<HistoryEvent> events, Context context, DecisionDefinition definition, CancellationToken ct)
    {
        var result = new List<Decision>();
        var awards = await db.AwardDecisions.AsNoTracking().Where(d => d.TenderId == tender.Id).ToDictionaryAsync(d => d.Id, ct);
        var index = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Event.Action == "award.decision.announced" && Guid.TryParse(e.Event.Subject["award/".Length..], out var awardId) && awards.TryGetValue(awardId, out var award))
            {
                index++;
                var step = events.Take(i).LastOrDefault(s => IsStep(s, AwardNames.AnnounceTrigger));
                var revised = events.Where(r => r.Event.Action == "award.decision.revised" && r.Event.Subject == e.Event.Subject).ToList();
                var (name, _) = await ParticipantNames.OfApplicationAsync(db, award.ApplicationId, ct);
                var reasons = new List<DecisionReason> { new(new("Motivering van de gunning", "Reasons for the award"), award.Reasons) };
                using (var payload = JsonDocument.Parse(e.Event.PayloadJson))
                {
                    if (payload.RootElement.TryGetProperty("criteria", out var criteria) && criteria.ValueKind == JsonValueKind.Array)
                    {
                        var verdicts = criteria.EnumerateArray().Select(c => (Key: Text(c, "key"), Sufficient: c.TryGetProperty("sufficient", out var s) && s.ValueKind == JsonValueKind.True)).ToList();
                        reasons.Add(new(new("Oordeel per kwaliteitscriterium", "Verdict per quality criterion"), new LocalizedText(
                            string.Join("; ", verdicts.Select(v => $"{v.Key}: {(v.Sufficient ? "voldoende" : "onvoldoende")}")),
                            string.Join("; ", verdicts.Select(v => $"{v.Key}: {(v.Sufficient ? "sufficient" : "insufficient")}")))));
                    }
                }
                if (award.RevisionReason is { } revisionReason)
                {
                    reasons.Add(new(new("Reden van herziening", "Reason for the revision"), revisionReason));
                }
                var people = new List<DecisionPerson> { Person(e, new("Bekendgemaakt door", "Announced by")) };
                people.AddRange(Evaluators(context));
                people.AddRange(revised.Select(r => Person(r, new("Herzien door", "Revised by"))));
                var documents = context.Documents.GetValueOrDefault(award.LetterDocumentId) is { } letter ? new List<DecisionDocument> { letter } : [];
                result.Add(new Decision($"award-{index}", DecisionKinds.Award, new($"Gunningsbeslissing {index}", $"Award decision {index}"),
                    new($"Voorgenomen gunning aan {name}; opschortende termijn tot {AmsterdamTime.Format(award.StandstillEndUtc)} (Europe/Amsterdam).",
                        $"Intended award to {name}; standstill until {AmsterdamTime.Format(award.StandstillEndUtc)} (Europe/Amsterdam)."),
                    award.AnnouncedAtUtc,
                    award.RevisedAtUtc is not null ? new("Herzien", "Revised") : award.FinalAwardAtUtc is not null ? new("Definitief", "Final") : new("Voorgenomen", "Intended"),
                    reasons, people, documents, definition, Refs((step is null ? [] : new[] { step }).Append(e).Concat(revised))));
            }
            else if (e.Event.Action == "award.final" && Guid.TryParse(e.Event.Subject["award/".Length..], out var finalId) && awards.TryGetValue(finalId, out var final))
            {
                var step = events.Take(i).LastOrDefault(s => IsStep(s, AwardNames.FinalAwardTrigger));
                var (name, _) = await ParticipantNames.OfApplicationAsync(db, final.ApplicationId, ct);
                var reasons = new List<DecisionReason>
                {
                    new(new("Grondslag", "Basis"), new LocalizedText(
                        $"De opschortende termijn is verstreken op {AmsterdamTime.Format(final.StandstillEndUtc)} (Europe/Amsterdam) zonder openstaand bezwaar.",
                        $"The standstill period ended on {AmsterdamTime.Format(final.StandstillEndUtc)} (Europe/Amsterdam) without an open objection.")),
                };
                if (step is not null && Text(step, "reason") is { Length: > 0 } stepReason)
                {
                    reasons.Add(new(new("Reden bij de stap", "Reason given with the step"), stepReason));
                }
                var documents = context.Documents.GetValueOrDefault(final.LetterDocumentId) is { } letter ? new List<DecisionDocument> { letter } : [];
                result.Add(new Decision("award-final", DecisionKinds.Award, new("Definitieve gunning", "Final award"),
                    new($"Definitief gegund aan {name}.", $"Finally awarded to {name}."), e.Event.OccurredAtUtc, new("Definitief", "Final"),
                    reasons, [Person(step ?? e, new("Besloten door", "Decided by"))], documents, definition, Refs((step is null ? [] : new[] { step }).Append(e))));
            }
            else if (IsStep(e, "declareUnsuccessful") || IsStep(e, "returnToDialogue"))
            {
                var unsuccessful = IsStep(e, "declareUnsuccessful");
                result.Add(new Decision($"award-{(unsuccessful ? "unsuccessful" : "return")}-{e.Event.Sequence}", DecisionKinds.Award,
                    unsuccessful ? new("Aanbesteding zonder resultaat", "Tender declared unsuccessful") : new("Terug naar de dialoog", "Returned to the dialogue"),
                    unsuccessful ? new("De aanbesteding is zonder gunning beëindigd.", "The tender was ended without an award.")
                        : new("De inschrijving is niet gegund; de dialoog is heropend.", "The submission was not awarded; the dialogue was reopened."),
                    e.Event.OccurredAtUtc, null,
                    [new(new("Reden bij de stap", "Reason given with the step"), Text(e, "reason") ?? "—")],
                    [Person(e, new("Besloten door", "Decided by")), .. Evaluators(context)], [], definition, Refs([e])));
            }
        }
        return result;
    }

    private async Task<IEnumerable<Decision>> ObjectionsAsync(Tender tender, IReadOnlyList<HistoryEvent> events, Context context, DecisionDefinition definition, CancellationToken ct)
    {
        var objections = await db.Objections.AsNoTracking().Where(o => o.TenderId == tender.Id).OrderBy(o => o.FiledAtUtc).ToListAsync(ct);
        var result = new List<Decision>();
        foreach (var o in objections)
        {
            var subject = AwardNames.ObjectionOwner(o.Id);
            var related = events.Where(e => e.Event.Subject == subject).ToList();
            var (name, _) = await ParticipantNames.OfApplicationAsync(db, o.ApplicationId, ct);
            var against = o.Decision == Domain.Award.ObjectedDecision.Award ? new LocalizedText("gunningsbeslissing", "award decision") : new LocalizedText("selectiebeslissing", "selection decision");
            var reasons = new List<DecisionReason> { new(new("Gronden van het bezwaar", "Grounds of the objection"), o.Grounds) };
            if (o.AdviceReasoning is { } advice)
            {
                reasons.Add(new(new($"Advies Juridische Zaken: {(o.AdviceUphold == true ? "gegrond" : "ongegrond")}", $"Legal advice: {(o.AdviceUphold == true ? "uphold" : "reject")}"), advice));
            }
            if (o.ResolutionReasoning is { } resolution)
            {
                reasons.Add(new(new($"Beslissing: {(o.Status == Domain.Award.ObjectionStatus.Upheld ? "gegrond" : "ongegrond")}", $"Decision: {(o.Status == Domain.Award.ObjectionStatus.Upheld ? "upheld" : "rejected")}"), resolution));
            }
            if (o.DeviationReason is { } deviation)
            {
                reasons.Add(new(new("Reden om af te wijken van het advies", "Reason to deviate from the advice"), deviation));
            }
            var people = new List<DecisionPerson> { User(context, o.FiledByUserId, new("Ingediend door", "Filed by"), "Bidder") };
            if (o.AdvisedByUserId is { } adviser)
            {
                people.Add(User(context, adviser, new("Advies door", "Advised by"), "Legal"));
            }
            if (o.ResolvedByUserId is { } resolver)
            {
                people.Add(User(context, resolver, new("Beslist door", "Decided by"), "Procurement"));
            }
            var documents = new[] { o.DocumentId, o.OutcomeLetterDocumentId }.OfType<Guid>().Select(id => context.Documents.GetValueOrDefault(id)).OfType<DecisionDocument>().ToList();
            var outcome = o.Status switch
            {
                Domain.Award.ObjectionStatus.Upheld => new LocalizedText("Gegrond", "Upheld"),
                Domain.Award.ObjectionStatus.Rejected => new("Ongegrond", "Rejected"),
                Domain.Award.ObjectionStatus.Advised => new("Geadviseerd, nog niet beslist", "Advised, not decided yet"),
                _ => new("Open", "Open"),
            };
            var status = o.SupersededAtUtc is null ? outcome
                : new LocalizedText($"{outcome.Nl}; afgedaan door herziening van de beslissing", $"{outcome.En}; settled by the revision of the decision");
            result.Add(new Decision($"objection-{o.Id}", DecisionKinds.Objection,
                new($"Bezwaar van {name} tegen de {against.Nl}", $"Objection of {name} against the {against.En}"),
                new($"Bezwaar ingediend op {AmsterdamTime.Format(o.FiledAtUtc)}; status: {status.Nl}.", $"Objection filed on {AmsterdamTime.Format(o.FiledAtUtc)}; status: {status.En}."),
                o.ResolvedAtUtc ?? o.AdvisedAtUtc ?? o.FiledAtUtc, status, reasons, people, documents, definition, Refs(related)));
        }
        return result;
    }

    private static IEnumerable<Decision> Deadlines(IReadOnlyList<HistoryEvent> events, WorkflowDefinition workflow, Context context, DecisionDefinition definition)
    {
        foreach (var e in events.Where(e => e.Event.Action is "deadline.rectified" or "deadline.extended"))
        {
            using var payload = JsonDocument.Parse(e.Event.PayloadJson);
            var root = payload.RootElement;
            var key = Text(root, "deadline") ?? "?";
            var title = workflow.Deadline(key)?.Title ?? new LocalizedText(key, key);
            var was = Text(root, "oldAmsterdam") ?? "—";
            var now = Text(root, "newAmsterdam") ?? "—";
            var outage = e.Event.Action == "deadline.extended";
            var cascaded = root.TryGetProperty("cascaded", out var c) && c.ValueKind == JsonValueKind.Array
                ? c.EnumerateArray().Select(m => $"{Text(m, "deadline")} → {Text(m, "newAmsterdam")}").ToList() : [];
            var reasons = new List<DecisionReason> { new(new("Reden", "Reason"), Text(root, "reason") ?? "—") };
            if (cascaded.Count > 0)
            {
                reasons.Add(new(new("Mee verschoven termijnen", "Deadlines moved along"), string.Join("; ", cascaded)));
            }
            yield return new Decision($"deadline-{e.Event.Sequence}", DecisionKinds.Deadline,
                outage ? new($"Verlenging na storing: {title.Nl}", $"Extension after an outage: {title.En}") : new($"Termijnwijziging: {title.Nl}", $"Deadline change: {title.En}"),
                new($"'{title.Nl}' van {was} naar {now} (Europe/Amsterdam).", $"'{title.En}' from {was} to {now} (Europe/Amsterdam)."),
                e.Event.OccurredAtUtc, null, reasons, [Person(e, new("Gewijzigd door", "Changed by"))], [], definition, Refs([e]));
        }
    }

    private static LocalizedText VaultName(string vault) => vault switch
    {
        "selection" => new("aanmeldingen (selectie)", "applications (selection)"),
        "submission" => new("inschrijvingen", "submissions"),
        _ => new(vault, vault),
    };

    private static IEnumerable<DecisionPerson> Evaluators(Context context) => context.Evaluators.Select(e => User(context, e.UserId,
        e.Recused ? new("Beoordelaar (teruggetreden)", "Evaluator (recused)") : e.IsChair ? new("Voorzitter beoordelingscommissie", "Chair of the evaluation committee") : new("Beoordelaar", "Evaluator"),
        "Evaluator"));

    private static DecisionPerson User(Context context, string userId, LocalizedText capacity, string role) =>
        context.Users.TryGetValue(userId, out var user) ? new(userId, user.Name, capacity, role, user.Organisation) : new(userId, userId, capacity, role, null);

    private static DecisionPerson Person(HistoryEvent e, LocalizedText capacity) => new(e.Event.ActorId, e.ActorName, capacity, e.Event.ActorRole, e.OrganisationName);

    private static IReadOnlyList<DecisionEvent> Refs(IEnumerable<HistoryEvent> events) =>
        events.OrderBy(e => e.Event.Sequence).Select(e => new DecisionEvent(e.Event.Sequence, e.Event.Action, e.Event.OccurredAtUtc, e.Event.Hash)).ToList();

    private static bool IsStep(HistoryEvent e, string trigger) => e.Event.Action == TenderHistory.StepAction && Text(e, "trigger") == trigger;

    private static string? Text(HistoryEvent e, string property)
    {
        using var payload = JsonDocument.Parse(e.Event.PayloadJson);
        return Text(payload.RootElement, property);
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Number(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetRawText() : "—";

    private static Guid? DocumentId(string payloadJson, string property)
    {
        using var payload = JsonDocument.Parse(payloadJson);
        return DocumentId(payload.RootElement, property);
    }

    private static Guid? DocumentId(JsonElement element, string property) => Text(element, property) is { } text && Guid.TryParse(text, out var id) ? id : null;
}
