using System.Text;
using System.Text.Json.Nodes;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Ocds;

/// <summary>The OCDS export of the demo tender in every phase of the procedure: valid, within the codelists, and without anything confidential.</summary>
public sealed class OcdsDemoExportTests(OcdsDemoExports demo) : IClassFixture<OcdsDemoExports>
{
    private IEnumerable<PhaseExport> All => DemoProcedure.Phases.Select(p => demo.Exports[p]);

    private PhaseExport At(string phase) => demo.Exports[phase];

    [Fact]
    public void Every_phase_was_exported_as_json_and_staff_get_the_same_export()
    {
        Assert.Equal(DemoProcedure.Phases, DemoProcedure.Phases.Where(demo.Exports.ContainsKey));
        Assert.All(All, e =>
        {
            Assert.Equal("application/json", e.ContentType);
            Assert.Equal(System.Net.HttpStatusCode.OK, e.StaffStatus);
            Assert.Equal(e.ReleasePackage, e.StaffReleasePackage.Replace("\r\n", "\n"));
        });
    }

    [Fact]
    public void Both_packages_validate_against_the_official_schemas_in_every_phase()
    {
        var failures = new StringBuilder();
        foreach (var export in All)
        {
            foreach (var error in OcdsSchemas.ValidateReleasePackage(export.ReleasePackage))
            {
                failures.AppendLine($"{export.Phase} release package: {error}");
            }
            foreach (var error in OcdsSchemas.ValidateRecordPackage(export.RecordPackage))
            {
                failures.AppendLine($"{export.Phase} record package: {error}");
            }
        }
        Assert.True(failures.Length == 0, failures.ToString());
    }

    [Fact]
    public void The_schemas_do_find_errors_so_the_validation_above_can_fail()
    {
        var broken = At("awarded").Releases;
        broken["releases"]![0]!["tag"] = new JsonArray("notATag");
        broken["releases"]![0]!.AsObject().Remove("ocid");
        var errors = string.Join("\n", OcdsSchemas.ValidateReleasePackage(broken.ToJsonString()));
        Assert.Contains("PropertyRequired: #/releases[0].ocid", errors);
        Assert.Contains("NotInEnumeration: #/releases[0].tag[0]", errors);
        var record = At("awarded").Records;
        record["records"]![0]!["compiledRelease"]!["date"] = "gisteren";
        Assert.Contains("compiledRelease.date", string.Join("\n", OcdsSchemas.ValidateRecordPackage(record.ToJsonString())));
    }

    [Fact]
    public void Every_codelist_value_is_in_the_official_codelists()
    {
        var failures = new List<string>();
        foreach (var export in All)
        {
            var releases = export.Releases["releases"]!.AsArray().Append(export.Compiled).Select(r => r!.AsObject()).ToList();
            foreach (var (codelist, value) in releases.SelectMany(CodedValues))
            {
                if (!OcdsSchemas.Codelist(codelist).Contains(value))
                {
                    failures.Add($"{export.Phase}: {codelist} '{value}'");
                }
            }
            foreach (var linked in export.Records["records"]![0]!["releases"]!.AsArray())
            {
                failures.AddRange(linked!["tag"]!.AsArray().Select(t => t!.GetValue<string>())
                    .Where(t => !OcdsSchemas.Codelist("releaseTag").Contains(t)).Select(t => $"{export.Phase}: linked releaseTag '{t}'"));
            }
        }
        Assert.Empty(failures);
    }

    private static IEnumerable<(string Codelist, string Value)> CodedValues(JsonObject release)
    {
        static IEnumerable<JsonObject> Objects(JsonNode? node) => node is JsonArray a ? a.Select(x => x!.AsObject()) : [];
        static string? S(JsonNode? node) => node?.GetValue<string>();
        var values = new List<(string, string?)>
        {
            ("initiationType", S(release["initiationType"])),
            ("tenderStatus", S(release["tender"]?["status"])),
            ("method", S(release["tender"]?["procurementMethod"])),
            ("procurementCategory", S(release["tender"]?["mainProcurementCategory"])),
        };
        values.AddRange(release["tag"]!.AsArray().Select(t => ("releaseTag", S(t))));
        values.AddRange(Objects(release["parties"]).SelectMany(p => p["roles"]!.AsArray().Select(r => ("partyRole", S(r)))));
        var milestones = Objects(release["planning"]?["milestones"]).Concat(Objects(release["tender"]?["milestones"]))
            .Concat(Objects(release["contracts"]).SelectMany(c => Objects(c["milestones"]))).ToList();
        values.AddRange(milestones.Select(m => ("milestoneType", S(m["type"]))));
        values.AddRange(milestones.Select(m => ("milestoneStatus", S(m["status"]))));
        var documents = Objects(release["planning"]?["documents"]).Concat(Objects(release["tender"]?["documents"]))
            .Concat(Objects(release["awards"]).SelectMany(a => Objects(a["documents"]))).Concat(Objects(release["contracts"]).SelectMany(c => Objects(c["documents"])));
        values.AddRange(documents.Select(d => ("documentType", S(d["documentType"]))));
        values.AddRange(Objects(release["awards"]).Select(a => ("awardStatus", S(a["status"]))));
        values.AddRange(Objects(release["contracts"]).Select(c => ("contractStatus", S(c["status"]))));
        return values.Where(v => v.Item2 is not null).Select(v => (v.Item1, v.Item2!));
    }

    [Fact]
    public void No_confidential_string_appears_in_any_export_of_any_phase()
    {
        var forbidden = DemoProcedure.ConfidentialMarkers
            .Concat([OcdsDemoExports.AskerMarker, demo.AskerDisplayName, demo.EvaluatorDisplayName, demo.PartnerDisplayName, OcdsDemoExports.AwardReasons,
                "Onderbouwd oordeel", "Huisvesting en locaties", "Taakgericht budget", "41500000", "Juridisch akkoord"]).ToList();
        // The bytes as sent, and the same JSON with every escape undone (a name with an apostrophe is sent as \u0027).
        var unescaped = new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var leaks = All.SelectMany(e => new[] { e.ReleasePackage, e.RecordPackage }
                .SelectMany(text => new[] { text, JsonNode.Parse(text)!.ToJsonString(unescaped) })
                .SelectMany(text => forbidden.Where(f => text.Contains(f, StringComparison.OrdinalIgnoreCase)))
                .Distinct().Select(f => $"{e.Phase}: {f}"))
            .ToList();
        Assert.Empty(leaks);
    }

    [Fact]
    public void Enquiries_carry_the_published_question_and_answer_without_the_asker()
    {
        Assert.Null(At("consultation").Latest["tender"]!["enquiries"]);
        foreach (var phase in DemoProcedure.Phases.Skip(1))
        {
            var tender = At(phase).Latest["tender"]!;
            var enquiry = Assert.Single(tender["enquiries"]!.AsArray())!.AsObject();
            Assert.Equal(OcdsDemoExports.PublishedQuestion, enquiry["description"]!.GetValue<string>());
            Assert.Equal(OcdsDemoExports.PublishedAnswer, enquiry["answer"]!.GetValue<string>());
            Assert.NotNull(enquiry["dateAnswered"]);
            Assert.Null(enquiry["author"]);
            Assert.True(tender["hasEnquiries"]!.GetValue<bool>());
        }
        Assert.Contains("ocds_enquiry_extension", At("publication").ReleasePackage);
    }

    [Fact]
    public void Planning_has_an_engagement_milestone_for_every_seeded_consultation_session()
    {
        Assert.True(demo.SeededSessions > 0);
        foreach (var export in All)
        {
            var milestones = export.Latest["planning"]!["milestones"]!.AsArray();
            Assert.Equal(demo.SeededSessions, milestones.Count);
            Assert.All(milestones, m => Assert.Equal("engagement", m!["type"]!.GetValue<string>()));
        }
        Assert.All(At("consultation").Latest["planning"]!["milestones"]!.AsArray(), m => Assert.Equal("scheduled", m!["status"]!.GetValue<string>()));
        Assert.All(At("awarded").Latest["planning"]!["milestones"]!.AsArray(), m => Assert.Equal("met", m!["status"]!.GetValue<string>()));
    }

    [Fact]
    public void Tender_status_and_method_follow_the_phase()
    {
        var expected = new Dictionary<string, string>
        {
            ["consultation"] = "planning", ["publication"] = "active", ["selection"] = "active", ["dialogue"] = "active",
            ["awardStandstill"] = "active", ["implementation"] = "complete", ["awarded"] = "complete",
        };
        foreach (var (phase, status) in expected)
        {
            var tender = At(phase).Latest["tender"]!;
            Assert.Equal(status, tender["status"]!.GetValue<string>());
            Assert.Equal("selective", tender["procurementMethod"]!.GetValue<string>());
            Assert.Equal("services", tender["mainProcurementCategory"]!.GetValue<string>());
            Assert.Contains("SAS", tender["procurementMethodDetails"]!.GetValue<string>());
        }
        Assert.Equal(["planning"], At("consultation").Releases["releases"]![0]!["tag"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains(At("publication").Releases["releases"]!.AsArray(), r => r!["tag"]![0]!.GetValue<string>() == "tender");
    }

    [Fact]
    public async Task Published_documents_are_listed_with_a_public_download_and_drafts_are_not()
    {
        static IEnumerable<string> Ids(JsonNode? documents) => documents?.AsArray().Select(d => d!["id"]!.GetValue<string>()) ?? [];
        var publicationDocument = Guid.Parse(demo.PublicationDocumentId).ToString("N");
        Assert.DoesNotContain(publicationDocument, At("consultation").ReleasePackage);
        var tender = At("publication").Latest["tender"]!;
        Assert.Contains(publicationDocument, Ids(tender["documents"]));
        var types = tender["documents"]!.AsArray().Select(d => d!["documentType"]!.GetValue<string>()).ToList();
        Assert.Contains("biddingDocuments", types);
        Assert.Contains("clarifications", types);
        Assert.Contains(Guid.Parse(demo.ReportDocumentId).ToString("N"), Ids(At("publication").Latest["planning"]!["documents"]));

        var anonymous = demo.Procedure.App.CreateClient();
        foreach (var url in tender["documents"]!.AsArray().Select(d => d!["url"]!.GetValue<string>()))
        {
            Assert.StartsWith("http", url);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(url).PathAndQuery)).StatusCode);
        }
    }

    [Fact]
    public void Candidates_are_counted_from_the_selection_decision_on_but_never_named()
    {
        foreach (var phase in DemoProcedure.Phases)
        {
            var export = At(phase);
            Assert.DoesNotContain(export.Latest["parties"]!.AsArray(), p => p!["roles"]!.AsArray().Any(r => r!.GetValue<string>() == "tenderer"));
            Assert.Null(export.Latest["tender"]!["tenderers"]);
            Assert.DoesNotContain(demo.RejectedKvk, export.ReleasePackage);
            Assert.DoesNotContain(demo.RejectedKvk, export.RecordPackage);
        }
        foreach (var phase in new[] { "consultation", "publication", "selection" })
        {
            Assert.Null(At(phase).Latest["tender"]!["numberOfTenderers"]);
        }
        var after = At("selectionStandstill").Latest;
        Assert.Equal(2, after["tender"]!["numberOfTenderers"]!.GetValue<int>());
        var buyer = after["parties"]!.AsArray().Single(p => p!["roles"]!.AsArray().Any(r => r!.GetValue<string>() == "buyer"))!;
        Assert.Equal("Gemeente Utrecht", buyer["name"]!.GetValue<string>());
        // The winner is named by the final award, not before.
        foreach (var phase in DemoProcedure.Phases.TakeWhile(p => p != "implementation"))
        {
            Assert.DoesNotContain(demo.SupplierKvk, At(phase).ReleasePackage);
        }
    }

    [Fact]
    public void Dialogue_themes_are_milestones_with_titles_only_from_the_dialogue_on()
    {
        Assert.Null(At("selectionStandstill").Latest["tender"]!["milestones"]);
        var themes = At("dialogue").Latest["tender"]!["milestones"]!.AsArray();
        Assert.Equal(11, themes.Count);
        Assert.All(themes, t =>
        {
            Assert.Equal("approval", t!["type"]!.GetValue<string>());
            Assert.Equal("scheduled", t["status"]!.GetValue<string>());
        });
        Assert.All(At("specification").Latest["tender"]!["milestones"]!.AsArray(), t => Assert.Equal("met", t!["status"]!.GetValue<string>()));
    }

    [Fact]
    public void Awards_appear_at_the_award_decision_and_the_supplier_only_once_the_award_is_final()
    {
        foreach (var phase in DemoProcedure.Phases.TakeWhile(p => p != "awardStandstill"))
        {
            Assert.Null(At(phase).Latest["awards"]);
            Assert.DoesNotContain("\"supplier\"", At(phase).ReleasePackage);
        }
        var pending = Assert.Single(At("awardStandstill").Latest["awards"]!.AsArray())!;
        Assert.Equal("pending", pending["status"]!.GetValue<string>());
        Assert.Null(pending["suppliers"]);
        Assert.DoesNotContain("\"supplier\"", At("awardStandstill").ReleasePackage);
        Assert.Contains(At("awardStandstill").Releases["releases"]!.AsArray(), r => r!["tag"]![0]!.GetValue<string>() == "award");

        foreach (var phase in new[] { "implementation", "awarded" })
        {
            var award = Assert.Single(At(phase).Latest["awards"]!.AsArray())!;
            Assert.Equal("active", award["status"]!.GetValue<string>());
            var supplier = Assert.Single(award["suppliers"]!.AsArray())!;
            Assert.Equal($"NL-KVK-{demo.SupplierKvk}", supplier["id"]!.GetValue<string>());
            var party = At(phase).Latest["parties"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == supplier["id"]!.GetValue<string>())!;
            Assert.Contains("supplier", party["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
            Assert.Null(award["value"]);
        }
    }

    [Fact]
    public void The_contract_has_its_base_term_and_the_extension_options_once_recorded()
    {
        Assert.Null(At("implementation").Latest["contracts"]);
        Assert.NotNull(At("implementation").Latest["tender"]!["contractPeriod"]!["startDate"]);
        var contract = Assert.Single(At("awarded").Compiled["contracts"]!.AsArray())!;
        Assert.Equal("active", contract["status"]!.GetValue<string>());
        var period = contract["period"]!;
        var start = DateTimeOffset.Parse(period["startDate"]!.GetValue<string>());
        var end = DateTimeOffset.Parse(period["endDate"]!.GetValue<string>());
        var max = DateTimeOffset.Parse(period["maxExtentDate"]!.GetValue<string>());
        Assert.Equal(start.AddYears(3).Date, end.AddDays(1).Date);
        Assert.Equal(start.AddYears(9).Date, max.AddDays(1).Date);
        Assert.Contains("3 verlengingsoptie(s) van 2 + 2 + 2 jaar", contract["description"]!.GetValue<string>());
        Assert.Equal(At("awarded").Compiled["awards"]![0]!["id"]!.GetValue<string>(), contract["awardID"]!.GetValue<string>());
    }

    [Fact]
    public void The_record_links_every_release_in_date_order_and_compiles_the_latest()
    {
        foreach (var export in All)
        {
            var releases = export.Releases["releases"]!.AsArray();
            var record = export.Records["records"]!.AsArray().Single()!;
            Assert.Equal(export.Latest["ocid"]!.GetValue<string>(), record["ocid"]!.GetValue<string>());
            Assert.StartsWith("ocds-tenderflow-UTR-WMO-", record["ocid"]!.GetValue<string>());
            var linked = record["releases"]!.AsArray();
            Assert.Equal(releases.Count, linked.Count);
            Assert.All(linked.Zip(releases), p => Assert.EndsWith("#" + p.Second!["id"]!.GetValue<string>(), p.First!["url"]!.GetValue<string>()));
            var dates = releases.Select(r => DateTimeOffset.Parse(r!["date"]!.GetValue<string>())).ToList();
            Assert.Equal(dates.OrderBy(d => d), dates);
            Assert.Equal(["compiled"], record["compiledRelease"]!["tag"]!.AsArray().Select(t => t!.GetValue<string>()));
            Assert.Null(record["versionedRelease"]);
            Assert.Equal(export.Latest["tender"]!.ToJsonString(), record["compiledRelease"]!["tender"]!.ToJsonString());
        }
    }
}
