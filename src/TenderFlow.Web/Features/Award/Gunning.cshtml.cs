using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Features.Award.Objections;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Evaluation;
using TenderFlow.Web.Features.Shared;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Award;

/// <summary>The award page: the decision and its letter, the standstill, objections (filing, Legal's advice, Procurement's decision).</summary>
[UploadSizeLimit]
public sealed class GunningModel(TenderSteps steps, IAuthorizationService authorization, AwardDecisions decisions, ObjectionService objections, DocumentIntake intake)
    : EvaluationPageModel(steps, authorization)
{
    public AwardView View { get; private set; } = null!;
    public bool MayManage { get; private set; }
    public bool IsLegal => User.IsInRole(Roles.Legal);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, null, ct);

    public Task<IActionResult> OnPostAnnounceAsync(Guid id, string? reasons, CancellationToken ct) =>
        ActAsync(id, Roles.Procurement, async () => (await decisions.AnnounceAsync(id, User, new AnnounceAwardRequest(reasons, null), ct)).Violation,
            "The award decision has been sent.", ct);

    public Task<IActionResult> OnPostObjectAsync(Guid id, string? decision, string? grounds, IFormFile? file, CancellationToken ct) =>
        ActAsync(id, Roles.Bidder, () => WithAttachmentAsync(file, attachment => objections.FileAsync(id, User, decision, grounds, attachment, ct), ct),
            "Your objection has been filed.", ct);

    public Task<IActionResult> OnPostRecordAsync(Guid id, string? decision, string? organisationId, string? grounds, string? receivedVia, IFormFile? file,
        CancellationToken ct) =>
        ActAsync(id, [Roles.Legal, Roles.Procurement], () => WithAttachmentAsync(file, attachment => objections.RecordAsync(id, User,
                new RecordObjectionRequest(decision, Guid.TryParse(organisationId, out var organisation) ? organisation : null, grounds, receivedVia), attachment, ct), ct),
            "The objection has been recorded.", ct);

    /// <summary>The letter is optional: with no file chosen the browser sends none, and the objection is filed without it.</summary>
    private async Task<RuleViolation?> WithAttachmentAsync(IFormFile? file, Func<StagedDocument?, Task<(CreatedObjection? Created, RuleViolation? Violation)>> create,
        CancellationToken ct)
    {
        StagedDocument? attachment = null;
        if (file is not null)
        {
            (attachment, var invalid) = await intake.StageAsync(file, ct);
            if (invalid is not null)
            {
                return invalid;
            }
        }
        using (attachment)
        {
            return (await create(attachment)).Violation;
        }
    }

    public Task<IActionResult> OnPostAdviceAsync(Guid id, Guid objectionId, string? uphold, string? reasoning, CancellationToken ct) =>
        ActAsync(id, Roles.Legal, () => objections.AdviseAsync(Tender, objectionId, User, new ObjectionAdviceRequest(Choice(uphold), reasoning), ct),
            "Your advice has been recorded.", ct);

    public Task<IActionResult> OnPostResolveAsync(Guid id, Guid objectionId, string? upheld, string? reasoning, string? deviationReason, CancellationToken ct) =>
        ActAsync(id, Roles.Procurement, () => objections.ResolveAsync(Tender, objectionId, User, new ObjectionResolutionRequest(Choice(upheld), reasoning, deviationReason), ct),
            "The objection has been decided; the letter has been sent.", ct);

    /// <summary>The field's error attributes when the refused post was this handler's (several forms share field names).</summary>
    public FieldError ErrorOf(string handler, string field) =>
        string.Equals(Request.Query["handler"], handler, StringComparison.OrdinalIgnoreCase) ? ErrorOf(field) : default;

    /// <summary>The field's error attributes when the refused post was this handler's form for this objection (one form per objection).</summary>
    public FieldError ErrorOf(string handler, Guid objectionId, string field) => PostedFor(handler, objectionId) ? ErrorOf(field) : default;

    /// <summary>What was typed into this objection's form of the handler, when that post was refused.</summary>
    public string Posted(string handler, Guid objectionId, string field) => PostedFor(handler, objectionId) ? PostedForm.Value(HttpContext, handler, field) : "";

    private bool PostedFor(string handler, Guid objectionId) =>
        Guid.TryParse(PostedForm.Value(HttpContext, handler, "objectionId"), out var posted) && posted == objectionId;

    private static bool? Choice(string? value) => value switch { "true" => true, "false" => false, _ => null };

    private Task<IActionResult> ActAsync(Guid id, string role, Func<Task<RuleViolation?>> act, string done, CancellationToken ct) =>
        ActAsync(id, [role], act, done, ct);

    private async Task<IActionResult> ActAsync(Guid id, string[] roles, Func<Task<RuleViolation?>> act, string done, CancellationToken ct)
    {
        if (!await LoadTenderAsync(id, ct))
        {
            return NotFound();
        }
        if (!roles.Any(User.IsInRole))
        {
            return Forbid();
        }
        var violation = await act();
        return violation is null ? Done(done) : await LoadAsync(id, violation, ct);
    }

    private async Task<IActionResult> LoadAsync(Guid id, RuleViolation? violation, CancellationToken ct)
    {
        if (!await LoadTenderAsync(id, ct))
        {
            return NotFound();
        }
        if (!(User.IsInRole(Roles.Procurement) || User.IsInRole(Roles.Legal) || User.IsInRole(Roles.Bidder)))
        {
            return Forbid();
        }
        if (Refuse(violation) is { } refused)
        {
            return refused;
        }
        MayManage = await MayAsync(TenderOperations.Manage);
        View = await decisions.ViewAsync(Tender, User, ct);
        return Page();
    }
}
