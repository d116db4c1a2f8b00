using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Audit;
using TenderFlow.Domain.Input;
using TenderFlow.Domain.Organisations;
using TenderFlow.Domain.Selection;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Audit;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Notifications;

namespace TenderFlow.Web.Features.Applications;

/// <summary>A bidder acting for its organisation.</summary>
public sealed record Applicant(string UserId, Guid OrganisationId);

/// <summary>
/// Every change to an application: one transaction each, checked against the application window (deadline by the server
/// clock, phase capability) and the caller's place in the application, with its audit events in the same transaction.
/// Audit payloads name ids, kinds, sizes and hashes only — never content — because staff read the audit trail while the
/// applications are still sealed.
/// </summary>
public sealed class ApplicationDesk(TenderFlowDbContext db, ApplicationWindow window, DocumentIntake intake, AuditTrail audit, TimeProvider clock, Notifier notifier)
{
    public const string ReturnedToDraftKind = "application.returnedToDraft";
    public const string MemberAddedKind = "application.member.added";

    public async Task<(Application? Application, RuleViolation? Violation)> CreateAsync(Guid tenderId, Applicant caller, string? consortiumName, CancellationToken cancellationToken)
    {
        var name = consortiumName?.Trim();
        if (name is { Length: > 200 })
        {
            return (null, ApplicationRules.Invalid("consortiumName", "De naam van de combinatie is langer dan 200 tekens.", "The consortium name is longer than 200 characters."));
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tender = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == tenderId, cancellationToken);
        if (await window.RefuseAsync(db, tender, cancellationToken) is { } closed)
        {
            return (null, closed);
        }
        if (await DuplicateAsync(tenderId, caller.OrganisationId, cancellationToken) is { } duplicate)
        {
            return (null, duplicate);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var application = new Application
        {
            Id = Guid.NewGuid(),
            TenderId = tenderId,
            LeadOrganisationId = caller.OrganisationId,
            ConsortiumName = string.IsNullOrEmpty(name) ? null : name,
            Status = ApplicationStatus.Draft,
            CreatedAtUtc = now,
            CreatedByUserId = caller.UserId,
            Members = [new ApplicationMember { OrganisationId = caller.OrganisationId, IsLead = true, Role = ConsortiumRole.CombinationPartner }],
        };
        db.Applications.Add(application);
        await audit.AppendAsync(db, caller.UserId, Roles.Bidder, tenderId,
            [new AuditRecord("application.created", Subject(application), new { leadOrganisationId = caller.OrganisationId })], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (application, null);
    }

    public Task<RuleViolation?> AddMemberAsync(Guid tenderId, Guid applicationId, Applicant caller, string? kvkNumber, ConsortiumRole? role, CancellationToken cancellationToken) =>
        ChangeAsync(tenderId, applicationId, caller, leadOnly: true, async (tender, application) =>
        {
            if (application.Status != ApplicationStatus.Draft)
            {
                return (ApplicationRules.MembersLocked(), []);
            }
            if (role is null || !Enum.IsDefined(role.Value))
            {
                return (ApplicationRules.Invalid("role", "Kies de rol van het lid.", "Choose the member's role."), []);
            }
            var kvk = KvkNumber.Normalise(kvkNumber);
            var organisation = kvk is null ? null : await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.KvkNumber == kvk, cancellationToken);
            if (organisation is null)
            {
                return (ApplicationRules.UnknownOrganisation(), []);
            }
            if (application.HasMember(organisation.Id))
            {
                return (ApplicationRules.AlreadyMember(), []);
            }
            if (await DuplicateAsync(tenderId, organisation.Id, cancellationToken) is { } duplicate)
            {
                return (duplicate, []);
            }
            db.ApplicationMembers.Add(new ApplicationMember { ApplicationId = application.Id, OrganisationId = organisation.Id, IsLead = false, Role = role.Value });
            // Added without being asked, an organisation could no longer apply itself: it is told, and may leave (RemoveMemberAsync).
            var lead = await db.Organisations.AsNoTracking().Where(o => o.Id == application.LeadOrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
            notifier.NotifyUsers(db, await Participation.OrganisationBidders.Of(db, [organisation.Id]).ToListAsync(cancellationToken), tenderId, MemberAddedKind,
                new($"{lead} heeft uw organisatie toegevoegd aan haar aanmelding voor {tender.Title}. Was dat niet afgesproken, trek u dan terug op de aanmeldpagina.",
                    $"{lead} has added your organisation to its application for {tender.Title}. If you did not agree to this, leave it on the application page."),
                $"/tenders/{tenderId}/application");
            return (null, [new AuditRecord("application.member.added", Subject(application), new { organisationId = organisation.Id, role = role.Value.ToString() })]);
        }, cancellationToken);

    public Task<RuleViolation?> RemoveMemberAsync(Guid tenderId, Guid applicationId, Applicant caller, Guid organisationId, CancellationToken cancellationToken) =>
        ChangeAsync(tenderId, applicationId, caller, leadOnly: false, async (_, application) =>
        {
            // The lead removes members of a draft; a member may always leave (it may have been added without being asked),
            // taking its references with it. A submitted application it leaves is a draft again, for the lead to submit anew.
            var leaving = caller.OrganisationId == organisationId && application.LeadOrganisationId != caller.OrganisationId;
            if (!leaving && application.LeadOrganisationId != caller.OrganisationId)
            {
                return (ApplicationRules.LeadOnly(), []);
            }
            if (!leaving && application.Status != ApplicationStatus.Draft)
            {
                return (ApplicationRules.MembersLocked(), []);
            }
            var member = application.Members.SingleOrDefault(m => m.OrganisationId == organisationId);
            if (member is null)
            {
                return (ApplicationRules.NotAMember(), []);
            }
            if (member.IsLead)
            {
                return (ApplicationRules.LeadCannotBeRemoved(), []);
            }
            var references = await db.ApplicationReferences.Where(r => r.ApplicationId == application.Id && r.OrganisationId == organisationId).ToListAsync(cancellationToken);
            if (references.Count > 0 && !leaving)
            {
                return (ApplicationRules.Invalid("member", "Verwijder eerst de referenties van dit lid.", "Remove this member's references first."), []);
            }
            db.ApplicationReferences.RemoveRange(references);
            // Its declarations no longer belong to what the application submits (they stay in the history, marked replaced).
            var memberOwner = ApplicationOwners.Member(application.Id, organisationId);
            foreach (var document in await db.Documents.Where(d => d.TenderId == tenderId && d.Owner == memberOwner && d.SupersededAtUtc == null).ToListAsync(cancellationToken))
            {
                document.SupersededAtUtc = clock.GetUtcNow().UtcDateTime;
            }
            application.Members.Remove(member);
            db.ApplicationMembers.Remove(member);
            var records = new List<AuditRecord>
            {
                leaving
                    ? new("application.member.left", Subject(application), new { organisationId, referencesRemoved = references.Select(r => r.Id).ToList() })
                    : new("application.member.removed", Subject(application), new { organisationId }),
            };
            // Joined the tender when the application was submitted earlier: no longer in any application, no longer a participant.
            if (await db.TenderParticipants.SingleOrDefaultAsync(p => p.TenderId == tenderId && p.OrganisationId == organisationId, cancellationToken) is { } participant)
            {
                db.TenderParticipants.Remove(participant);
                records.Add(new AuditRecord("tender.participant.removed", $"organisation/{organisationId}", new { organisationId, via = Subject(application) }));
            }
            return (null, records);
        }, cancellationToken);

    public async Task<(ApplicationReference? Reference, RuleViolation? Violation)> AddReferenceAsync(
        Guid tenderId, Guid applicationId, Applicant caller, ReferenceRequest request, CancellationToken cancellationToken)
    {
        ApplicationReference? added = null;
        var violation = await ChangeAsync(tenderId, applicationId, caller, leadOnly: true, async (_, application) =>
        {
            if (ReferenceInput.Check(request) is { } invalid)
            {
                return (invalid, []);
            }
            if (!await db.SelectionRequirements.AnyAsync(r => r.Id == request.RequirementId && r.TenderId == tenderId, cancellationToken))
            {
                return (ApplicationRules.UnknownRequirement(), []);
            }
            var organisationId = request.OrganisationId ?? application.LeadOrganisationId;
            if (!application.HasMember(organisationId))
            {
                return (ApplicationRules.NotAMember(), []);
            }
            added = new ApplicationReference
            {
                Id = Guid.NewGuid(),
                ApplicationId = application.Id,
                RequirementId = request.RequirementId!.Value,
                OrganisationId = organisationId,
                Client = request.Client!.Trim(),
                PeriodFrom = request.PeriodFrom!.Value,
                PeriodTo = request.PeriodTo!.Value,
                CareForms = request.CareForms!.Trim(),
                Scale = request.Scale!.Trim(),
                Description = request.Description!.Trim(),
                RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.ApplicationReferences.Add(added);
            return (null, [new AuditRecord("application.reference.recorded", Subject(application), new { referenceId = added.Id, requirementId = added.RequirementId })]);
        }, cancellationToken);
        return (violation is null ? added : null, violation);
    }

    public Task<RuleViolation?> RemoveReferenceAsync(Guid tenderId, Guid applicationId, Applicant caller, Guid referenceId, CancellationToken cancellationToken) =>
        ChangeAsync(tenderId, applicationId, caller, leadOnly: true, async (_, application) =>
        {
            var reference = await db.ApplicationReferences.SingleOrDefaultAsync(r => r.Id == referenceId && r.ApplicationId == application.Id, cancellationToken);
            if (reference is null)
            {
                return (ApplicationRules.Invalid("reference", "Deze referentie bestaat niet.", "This reference does not exist."), []);
            }
            db.ApplicationReferences.Remove(reference);
            return (null, [new AuditRecord("application.reference.removed", Subject(application), new { referenceId })]);
        }, cancellationToken);

    public Task<RuleViolation?> SaveAnswersAsync(Guid tenderId, Guid applicationId, Applicant caller, IReadOnlyList<AnswerRequest> answers, CancellationToken cancellationToken) =>
        ChangeAsync(tenderId, applicationId, caller, leadOnly: true, async (_, application) =>
        {
            foreach (var answer in answers)
            {
                if (SelectionConditions.Find(answer.Condition) is null)
                {
                    return (ApplicationRules.UnknownCondition(answer.Condition), []);
                }
                if (answer.Complies is null)
                {
                    return (ApplicationRules.Invalid("complies", "Geef bij elke voorwaarde ja of nee aan.", "Answer yes or no for every condition."), []);
                }
                var (explanation, unreadable) = EnteredText.Read(answer.Explanation, "explanation", multiline: true, "De toelichting", "The explanation");
                if (unreadable is not null)
                {
                    return (unreadable, []);
                }
                if (explanation is null || explanation.Length > ApplicationAnswer.MaxExplanationLength)
                {
                    return (ApplicationRules.Invalid("explanation", $"Geef bij elke voorwaarde een toelichting (hoogstens {ApplicationAnswer.MaxExplanationLength} tekens).",
                        $"Explain every answer (at most {ApplicationAnswer.MaxExplanationLength} characters)."), []);
                }
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var existing = await db.ApplicationAnswers.Where(a => a.ApplicationId == application.Id).ToDictionaryAsync(a => a.Condition, cancellationToken);
            foreach (var answer in answers)
            {
                if (existing.TryGetValue(answer.Condition!, out var row))
                {
                    row.Complies = answer.Complies!.Value;
                    row.Explanation = answer.Explanation!.Trim();
                    row.AnsweredAtUtc = now;
                }
                else
                {
                    var added = new ApplicationAnswer { ApplicationId = application.Id, Condition = answer.Condition!, Complies = answer.Complies!.Value, Explanation = answer.Explanation!.Trim(), AnsweredAtUtc = now };
                    existing[added.Condition] = added;
                    db.ApplicationAnswers.Add(added);
                }
            }
            return (null, [new AuditRecord("application.answers.recorded", Subject(application), new { conditions = answers.Select(a => a.Condition).ToList() })]);
        }, cancellationToken);

    /// <summary>
    /// Records an upload that already passed the file checks (in staging). The lead may upload everything, for every
    /// member; another member's bidder only its own organisation's integrity evidence (GVA, Bibob).
    /// </summary>
    public async Task<(DocumentReceipt? Receipt, LocalizedText? Warning, RuleViolation? Violation)> UploadAsync(
        Guid tenderId, Guid applicationId, Applicant caller, UploadForm form, CancellationToken cancellationToken)
    {
        DocumentReceipt? receipt = null;
        LocalizedText? warning = null;
        var kind = form.Field("kind");
        var violation = await ChangeAsync(tenderId, applicationId, caller, leadOnly: false, async (tender, application) =>
        {
            var isLead = application.LeadOrganisationId == caller.OrganisationId;
            string owner;
            string fullKind;
            ApplicationMember? member = null;
            DateOnly? issuedOn = null;
            switch (kind)
            {
                case "vision" or "reference" when !isLead:
                    return (ApplicationRules.LeadOnly(), []);
                case "vision":
                    (owner, fullKind) = (ApplicationOwners.Application(application.Id), ApplicationOwners.VisionKind);
                    break;
                case "reference":
                    if (!Guid.TryParse(form.Field("reference"), out var referenceId)
                        || !await db.ApplicationReferences.AnyAsync(r => r.Id == referenceId && r.ApplicationId == application.Id, cancellationToken))
                    {
                        return (ApplicationRules.Invalid("reference", "Kies de referentie waar het document bij hoort.", "Choose the reference the document belongs to."), []);
                    }
                    (owner, fullKind) = (ApplicationOwners.Reference(application.Id, referenceId), ApplicationOwners.ReferenceKind);
                    break;
                case "gva" or "bibob":
                    var memberId = Guid.TryParse(form.Field("member"), out var parsed) ? parsed : caller.OrganisationId;
                    member = application.Members.SingleOrDefault(m => m.OrganisationId == memberId);
                    if (member is null)
                    {
                        return (ApplicationRules.NotAMember(), []);
                    }
                    if (!isLead && memberId != caller.OrganisationId)
                    {
                        return (ApplicationRules.OwnEvidenceOnly(), []);
                    }
                    if (kind == "gva")
                    {
                        if (!DateOnly.TryParseExact(form.Field("issuedOn"), "yyyy-MM-dd", out var date))
                        {
                            return (ApplicationRules.Invalid("issuedOn", "Vul de afgiftedatum van de Gedragsverklaring Aanbesteden in (jjjj-mm-dd).",
                                "Enter the issue date of the Gedragsverklaring Aanbesteden (yyyy-mm-dd)."), []);
                        }
                        if (date > AmsterdamDate(clock.GetUtcNow().UtcDateTime))
                        {
                            return (ApplicationRules.Invalid("issuedOn", "De afgiftedatum ligt in de toekomst.", "The issue date lies in the future."), []);
                        }
                        issuedOn = date;
                    }
                    (owner, fullKind) = (ApplicationOwners.Member(application.Id, memberId), kind == "gva" ? ApplicationOwners.GvaKind : ApplicationOwners.BibobKind);
                    break;
                default:
                    return (ApplicationRules.UnknownDocumentKind(kind), []);
            }
            var (record, _) = await intake.RecordAsync(db, form.Document!, new DocumentTarget(tenderId, owner, fullKind, caller.OrganisationId), caller.UserId, cancellationToken);
            if (member is not null && issuedOn is { } issued)
            {
                member.GvaIssuedOn = issued;
                warning = GvaValidity.Warning(issued, AmsterdamDate(record.UploadedAtUtc), PlannedAward(tender));
            }
            receipt = DocumentReceipt.From(record);
            // The intake's own audit record names the file; this one does not (staff read the audit trail while sealed).
            return (null, [new AuditRecord("document.uploaded", $"document/{record.Id}", new
            {
                kind = record.Kind, owner = record.Owner, sizeBytes = record.SizeBytes, sha256 = record.Sha256, version = record.Version,
                gvaIssuedOn = issuedOn,
            })]);
        }, cancellationToken);
        return violation is null ? (receipt, warning, null) : (null, null, violation);
    }

    public async Task<(SubmissionReceipt? Receipt, RuleViolation? Violation)> SubmitAsync(Guid tenderId, Guid applicationId, Applicant caller, CancellationToken cancellationToken)
    {
        SubmissionReceipt? receipt = null;
        var violation = await ChangeAsync(tenderId, applicationId, caller, leadOnly: true, async (_, application) =>
        {
            if (application.Status == ApplicationStatus.Submitted)
            {
                return (ApplicationRules.AlreadySubmitted(), []);
            }
            var missing = await ApplicationCompleteness.MissingAsync(db, application, AmsterdamDate(clock.GetUtcNow().UtcDateTime), cancellationToken);
            if (missing.Count > 0)
            {
                return (ApplicationRules.Incomplete(missing.Select(m => m.Nl).ToList(), missing.Select(m => m.En).ToList()), []);
            }
            var now = clock.GetUtcNow().UtcDateTime;
            application.Status = ApplicationStatus.Submitted;
            application.SubmittedAtUtc = now;
            var records = new List<AuditRecord>();
            foreach (var member in application.Members)
            {
                if (!await db.TenderParticipants.AnyAsync(p => p.TenderId == tenderId && p.OrganisationId == member.OrganisationId, cancellationToken))
                {
                    db.TenderParticipants.Add(new TenderParticipant { TenderId = tenderId, OrganisationId = member.OrganisationId, JoinedAtUtc = now });
                    records.Add(new AuditRecord("tender.participant.added", $"organisation/{member.OrganisationId}", new { organisationId = member.OrganisationId, via = Subject(application) }));
                }
            }
            var prefix = ApplicationOwners.Application(application.Id);
            var documents = await db.Documents.AsNoTracking()
                .Where(d => d.TenderId == tenderId && d.SupersededAtUtc == null && (d.Owner == prefix || d.Owner.StartsWith(prefix + "/")))
                .OrderBy(d => d.Kind).ThenBy(d => d.UploadedAtUtc).ToListAsync(cancellationToken);
            receipt = new SubmissionReceipt(application.Id, now, documents.Select(DocumentReceipt.From).ToList());
            records.Insert(0, new AuditRecord("application.submitted", Subject(application), new
            {
                members = application.Members.Select(m => m.OrganisationId).ToList(),
                documents = documents.Select(d => new { id = d.Id, kind = d.Kind, sizeBytes = d.SizeBytes, sha256 = d.Sha256 }).ToList(),
            }));
            return (null, records);
        }, cancellationToken, keepsSubmitted: true);
        return (receipt, violation);
    }

    public Task<RuleViolation?> WithdrawAsync(Guid tenderId, Guid applicationId, Applicant caller, CancellationToken cancellationToken) =>
        ChangeAsync(tenderId, applicationId, caller, leadOnly: true, (_, application) =>
        {
            application.Status = ApplicationStatus.Withdrawn;
            application.WithdrawnAtUtc = clock.GetUtcNow().UtcDateTime;
            return Task.FromResult<(RuleViolation?, IReadOnlyList<AuditRecord>)>((null, [new AuditRecord("application.withdrawn", Subject(application), new { })]));
        }, cancellationToken, keepsSubmitted: true);

    /// <summary>The planned award moment a Gedragsverklaring must still hold at (<see cref="GvaValidity.PlannedAwardDeadlines"/>).</summary>
    public static DateOnly? PlannedAward(Tender tender) =>
        GvaValidity.PlannedAwardDeadlines.Select(key => tender.Deadline(key)?.DueAtUtc).FirstOrDefault(due => due is not null) is { } due ? AmsterdamDate(due) : null;

    public static DateOnly AmsterdamDate(DateTime utc) => DateOnly.FromDateTime(Domain.Time.AmsterdamTime.ToLocal(utc));

    private static string Subject(Application application) => $"application/{application.Id}";

    private async Task<RuleViolation?> DuplicateAsync(Guid tenderId, Guid organisationId, CancellationToken cancellationToken)
    {
        var taken = await db.Applications.AsNoTracking()
            .AnyAsync(a => a.TenderId == tenderId && a.Status != ApplicationStatus.Withdrawn && a.Members.Any(m => m.OrganisationId == organisationId), cancellationToken);
        if (!taken)
        {
            return null;
        }
        var name = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        return ApplicationRules.Duplicate(name);
    }

    /// <summary>
    /// One change in one transaction. Unless it <paramref name="keepsSubmitted"/> (submitting, withdrawing), a change to a
    /// submitted application returns it to draft: the vault holds what was submitted, so a changed application is checked
    /// and submitted again, or not at all.
    /// </summary>
    private async Task<RuleViolation?> ChangeAsync(Guid tenderId, Guid applicationId, Applicant caller, bool leadOnly,
        Func<Tender, Application, Task<(RuleViolation?, IReadOnlyList<AuditRecord>)>> change, CancellationToken cancellationToken,
        bool keepsSubmitted = false)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == applicationId && a.TenderId == tenderId, cancellationToken);
        if (application is null || !application.HasMember(caller.OrganisationId))
        {
            return ApplicationRules.NotFound(applicationId);
        }
        var tender = await db.Tenders.AsNoTracking().SingleAsync(t => t.Id == tenderId, cancellationToken);
        if (await window.RefuseAsync(db, tender, cancellationToken) is { } closed)
        {
            return closed;
        }
        if (application.Status == ApplicationStatus.Withdrawn)
        {
            return ApplicationRules.Withdrawn();
        }
        if (leadOnly && application.LeadOrganisationId != caller.OrganisationId)
        {
            return ApplicationRules.LeadOnly();
        }
        var (violation, changes) = await change(tender, application);
        if (violation is not null)
        {
            return violation;
        }
        var records = changes.ToList();
        if (!keepsSubmitted && application.Status == ApplicationStatus.Submitted)
        {
            application.Status = ApplicationStatus.Draft;
            application.SubmittedAtUtc = null;
            records.Add(new AuditRecord("application.returnedToDraft", Subject(application), new { wasSubmitted = true }));
            // Only the lead can submit again: its people must know, also when a member's upload caused it.
            var lead = await Participation.OrganisationBidders.Of(db, [application.LeadOrganisationId]).Where(id => id != caller.UserId).ToListAsync(cancellationToken);
            notifier.NotifyUsers(db, lead, tenderId, ReturnedToDraftKind,
                new($"De aanmelding voor {tender.Title} is door een wijziging weer een concept. Dien haar vóór de termijn opnieuw in, anders telt zij niet.",
                    $"The application for {tender.Title} is a draft again after a change. Submit it again before the deadline, or it does not count."),
                $"/tenders/{tenderId}/application");
        }
        application.Revision++;
        await audit.AppendAsync(db, caller.UserId, Roles.Bidder, tenderId, records, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
