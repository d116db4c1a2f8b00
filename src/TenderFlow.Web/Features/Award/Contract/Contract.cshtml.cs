using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Features.Evaluation;
using TenderFlow.Web.Features.Shared;
using TenderFlow.Web.Features.Tenders;

namespace TenderFlow.Web.Features.Award.Contract;

/// <summary>The contract record page: start, term, options and maximum; and the extension decisions.</summary>
public sealed class ContractModel(TenderSteps steps, IAuthorizationService authorization, ContractService contracts)
    : EvaluationPageModel(steps, authorization)
{
    public ContractView? Record { get; private set; }
    public bool MayManage { get; private set; }

    /// <summary>What was typed into the field when this handler's post was refused; otherwise what is recorded (or the default).</summary>
    public string? Typed(string handler, string field, string? recorded) => IsRefusedPostOf(handler) ? PostedForm.Value(HttpContext, handler, field) : recorded;

    /// <summary>The field's error attributes when the refused post was this handler's (both forms could name a field alike).</summary>
    public FieldError ErrorOf(string handler, string field) => IsRefusedPostOf(handler) ? ErrorOf(field) : default;

    private bool IsRefusedPostOf(string handler) =>
        HttpMethods.IsPost(Request.Method) && string.Equals(Request.Query["handler"], handler, StringComparison.OrdinalIgnoreCase);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, null, ct);

    public Task<IActionResult> OnPostRecordAsync(Guid id, string? startDate, int? baseTermYears, string? extensionOptions, int? maximumTermYears, CancellationToken ct)
    {
        var options = (extensionOptions ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(o => new ExtensionOptionRequest(int.TryParse(o, out var years) ? years : 0)).ToList();
        return ManageAsync(id, () => contracts.RecordAsync(id, User, new ContractRequest(startDate, baseTermYears, options, maximumTermYears), ct), "The contract has been recorded.", ct);
    }

    public Task<IActionResult> OnPostExtensionAsync(Guid id, int? option, string? exercised, string? reason, CancellationToken ct) =>
        ManageAsync(id, () => contracts.DecideExtensionAsync(id, User,
            new ExtensionRequest(option, exercised switch { "true" => true, "false" => false, _ => null }, reason), ct), "The extension decision has been recorded.", ct);

    private async Task<IActionResult> ManageAsync(Guid id, Func<Task<RuleViolation?>> act, string done, CancellationToken ct)
    {
        if (!await LoadTenderAsync(id, ct))
        {
            return NotFound();
        }
        if (!await MayAsync(TenderOperations.Manage))
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
        if (!await contracts.MayReadAsync(id, User, ct))
        {
            return Forbid();
        }
        if (Refuse(violation) is { } refused)
        {
            return refused;
        }
        MayManage = await MayAsync(TenderOperations.Manage);
        Record = await contracts.ViewAsync(id, ct);
        return Page();
    }
}
