using System.Text.Json.Nodes;
using TenderFlow.Domain.Consultation;

namespace TenderFlow.Web.Features.Ocds;

/// <summary>
/// One release: the public picture of the tender right after <see cref="OcdsStage"/> — only what had happened (and had been
/// published) by then. Confidential data is not in the <see cref="OcdsSnapshot"/>, so it cannot end up here.
/// </summary>
public sealed class OcdsReleaseBuilder(OcdsSnapshot snapshot, OcdsOptions options, string ocid, string baseUri)
{
    public const string ProcedureDetails =
        "Sociale en andere specifieke diensten (SAS-regime, Aanbestedingswet 2012): dialooggerichte aanbesteding met selectie van één gegadigde (één organisatie of combinatie) en een vertrouwelijke dialoog met die deelnemer.";

    public JsonObject Build(OcdsStage stage)
    {
        var at = stage.AtUtc;
        var parties = new OcdsParties(options);
        parties.AddBuyer();
        var release = new JsonObject
        {
            ["ocid"] = ocid,
            ["id"] = $"{ocid}-{stage.Tag}-{stage.Sequence}",
            ["date"] = OcdsFormat.Date(at),
            ["tag"] = new JsonArray(stage.Tag),
            ["initiationType"] = "tender",
            ["language"] = "nl",
            ["buyer"] = parties.BuyerReference,
            ["planning"] = Planning(at),
        };
        release["tender"] = Tender(stage, parties);
        var awards = new OcdsAwardBuilder(snapshot, ocid);
        if (awards.Awards(at, parties) is { Count: > 0 } awarded)
        {
            release["awards"] = awarded;
        }
        if (awards.Contracts(at, stage.Phase) is { Count: > 0 } contracts)
        {
            release["contracts"] = contracts;
        }
        release["parties"] = parties.ToJson();
        return release;
    }

    private JsonObject Planning(DateTime at)
    {
        var planning = new JsonObject
        {
            ["rationale"] = "Marktconsultatie met openbaar aangekondigde sessies voorafgaand aan de aanbesteding.",
        };
        var milestones = new JsonArray();
        foreach (var session in snapshot.Sessions.Where(s => s.CreatedAtUtc <= at))
        {
            milestones.Add(SessionMilestone(session, at));
        }
        if (milestones.Count > 0)
        {
            planning["milestones"] = milestones;
        }
        if (Documents(snapshot.SessionReports, at) is { Count: > 0 } reports)
        {
            planning["documents"] = reports;
        }
        return planning;
    }

    private static JsonObject SessionMilestone(ConsultationSession session, DateTime at)
    {
        var cancelled = session.CancelledAtUtc is { } c && c <= at;
        var held = !cancelled && session.EndsAtUtc <= at;
        var milestone = new JsonObject
        {
            ["id"] = $"consultatie-{session.Id:N}",
            ["title"] = session.Title,
            ["type"] = "engagement",
            ["description"] = $"Marktconsultatiesessie: {session.Topic}",
            ["dueDate"] = OcdsFormat.Date(session.StartsAtUtc),
            ["status"] = cancelled ? "notMet" : held ? "met" : "scheduled",
        };
        if (held)
        {
            milestone["dateMet"] = OcdsFormat.Date(session.EndsAtUtc);
        }
        return milestone;
    }

    private JsonObject Tender(OcdsStage stage, OcdsParties parties)
    {
        var at = stage.AtUtc;
        var t = snapshot.Tender;
        var tender = new JsonObject
        {
            ["id"] = t.Reference,
            ["title"] = t.Title,
            ["description"] = $"{t.Title}. Dialooggerichte aanbesteding van {options.BuyerName} voor maatschappelijke ondersteuning (Wmo 2015).",
            ["status"] = OcdsCodes.TenderStatus(stage.Phase),
            ["procuringEntity"] = parties.BuyerReference,
            ["procurementMethod"] = "selective",
            ["procurementMethodDetails"] = ProcedureDetails,
            ["mainProcurementCategory"] = "services",
        };
        AddPeriod(tender, "enquiryPeriod", Happened("publish", at) ?? Deadline("publication"), Deadline("questionsClose"));
        AddPeriod(tender, "tenderPeriod", Happened("openSubmission", at), Deadline("submissionClose"));
        AddPeriod(tender, "awardPeriod", Happened("closeSubmission", at),
            snapshot.Awards.FirstOrDefault(a => a.RevisedAtUtc is null && a.FinalAwardAtUtc <= at)?.FinalAwardAtUtc ?? Deadline("awardStandstillEnd"));
        if (OcdsAwardBuilder.ContractPeriod(snapshot, at) is { } contractPeriod)
        {
            tender["contractPeriod"] = contractPeriod;
        }
        else if (Deadline("contractStart") is { } start)
        {
            tender["contractPeriod"] = new JsonObject { ["startDate"] = OcdsFormat.Date(start) };
        }

        var questions = snapshot.PublishedQuestions.Where(q => q.PublishedAtUtc <= at).ToList();
        tender["hasEnquiries"] = questions.Count > 0;
        if (questions.Count > 0)
        {
            // The enquiry extension's fields, without `author`: the asker's identity is never published.
            tender["enquiries"] = new JsonArray(questions.Select(q => (JsonNode)new JsonObject
            {
                ["id"] = q.Id.ToString("N"),
                ["date"] = OcdsFormat.Date(q.PublishedAtUtc!.Value),
                ["description"] = q.PublishedText,
                ["answer"] = q.Answer,
                ["dateAnswered"] = OcdsFormat.Date(q.PublishedAtUtc!.Value),
            }).ToArray());
        }
        if (Documents(snapshot.TenderDocuments, at) is { Count: > 0 } documents)
        {
            tender["documents"] = documents;
        }
        if (ThemeMilestones(at) is { Count: > 0 } themes)
        {
            tender["milestones"] = themes;
        }
        // Counted, never named: who applied is not public (only the winner is, by the final award).
        if (Happened("announceSelection", at) is not null && snapshot.Candidates.Count > 0)
        {
            tender["numberOfTenderers"] = snapshot.Candidates.Count;
        }
        return tender;
    }

    /// <summary>
    /// The themes the procedure definition opens (public in the guiding document), titles only: no status per theme, no
    /// outcome. Themes added during the dialogue are dialogue content and left out. "Met" from the dialogue's first
    /// conclusion on, and never back: a later return to the dialogue would tell rejected candidates, who know the
    /// participant, that its tender was judged insufficient.
    /// </summary>
    private JsonArray ThemeMilestones(DateTime at)
    {
        var milestones = new JsonArray();
        if (Happened("startDialogue", at) is null)
        {
            return milestones;
        }
        var met = snapshot.Steps("concludeDialogue").Where(d => d <= at).Cast<DateTime?>().FirstOrDefault();
        foreach (var theme in snapshot.Tender.Themes.Where(t => t.AddedByUserId is null).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var milestone = new JsonObject
            {
                ["id"] = $"dialoogthema-{theme.Key}",
                ["title"] = theme.TitleNl,
                ["type"] = "approval",
                ["description"] = "Thema van de dialoogfase; de inhoud van de dialoog is vertrouwelijk.",
                ["status"] = met is null ? "scheduled" : "met",
            };
            if (Deadline("dialogueEnd") is { } end)
            {
                milestone["dueDate"] = OcdsFormat.Date(end);
            }
            if (met is { } when)
            {
                milestone["dateMet"] = OcdsFormat.Date(when);
            }
            milestones.Add(milestone);
        }
        return milestones;
    }

    private JsonArray Documents(IEnumerable<OcdsFile> files, DateTime at) =>
        new(files.Where(f => f.CurrentAt(at)).Select(f => (JsonNode)new JsonObject
        {
            ["id"] = f.DocumentId.ToString("N"),
            ["documentType"] = f.DocumentType,
            ["title"] = f.Title,
            ["url"] = $"{baseUri}/api/documents/{f.DocumentId}",
            ["datePublished"] = OcdsFormat.Date(f.PublicFromUtc),
            ["format"] = f.ContentType,
            ["language"] = "nl",
        }).ToArray());

    private DateTime? Happened(string trigger, DateTime at) => snapshot.Steps(trigger).Where(d => d <= at).Cast<DateTime?>().FirstOrDefault();

    private DateTime? Deadline(string key) => snapshot.Tender.Deadline(key)?.DueAtUtc;

    private static void AddPeriod(JsonObject target, string name, DateTime? start, DateTime? end)
    {
        if (start is null && end is null)
        {
            return;
        }
        var period = new JsonObject();
        if (start is { } s)
        {
            period["startDate"] = OcdsFormat.Date(s);
        }
        if (end is { } e)
        {
            period["endDate"] = OcdsFormat.Date(e);
        }
        target[name] = period;
    }
}
