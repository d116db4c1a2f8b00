using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Submission;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Documents;
using TenderFlow.Web.Features.Participation;

namespace TenderFlow.Web.Features.Submission;

/// <summary>
/// /tenders/{id}/inschrijving: the participant's form, uploads, submit/withdraw and receipt; staff see the status (and
/// the content once the vault is opened, audited). Uploads post here without script (no progress bar).
/// </summary>
[Authorize]
[UploadSizeLimit]
public sealed class SubmitModel(TenderFlowDbContext db, SubmissionReader reader, SubmissionDesk desk, DocumentIntake intake, IAuthorizationService authorization) : PageModel
{
    public Tender Tender { get; private set; } = null!;
    public SubmissionView View { get; private set; } = null!;
    public bool IsParticipant { get; private set; }
    public string? Error { get; private set; }

    /// <summary>The form field the refusal is about (<see cref="RuleViolation.Field"/>), e.g. <c>amount-2028</c> or <c>file</c>.</summary>
    public string? ErrorField { get; private set; }

    public Shared.FieldError ErrorOf(string field) => Shared.FieldError.For(ErrorField, field);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostAnswersAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => AnswersFromForm() switch
        {
            (_, { } unreadable) => Task.FromResult<RuleViolation?>(unreadable),
            var (answers, _) => desk.SaveAnswersAsync(id, User, answers!, cancellationToken),
        }, "Your answers have been saved.", cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, async () => (await desk.SubmitAsync(id, User, cancellationToken)).Violation, "Your tender has been submitted. Keep the receipt.", cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => desk.WithdrawAsync(id, User, cancellationToken), "Your tender has been withdrawn.", cancellationToken);

    public Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            var (staged, invalid) = await intake.StageAsync(file, cancellationToken);
            if (staged is null)
            {
                return invalid;
            }
            using var form = new UploadForm { Document = staged };
            form.Fields["kind"] = Request.Form["kind"].ToString();
            return (await desk.UploadAsync(id, User, form, cancellationToken)).Violation;
        }, "The document has been received.", cancellationToken);

    private (SubmissionAnswersRequest? Answers, RuleViolation? Violation) AnswersFromForm()
    {
        var budget = new List<BudgetLineRequest>();
        foreach (var key in Request.Form.Keys.Where(k => k.StartsWith("amount-", StringComparison.Ordinal)))
        {
            var text = Request.Form[key].ToString();
            if (text.Trim().Length == 0)
            {
                continue;
            }
            var year = int.TryParse(key["amount-".Length..], out var y) ? y : (int?)null;
            if (EuroAmountText.Parse(text, CultureInfo.CurrentCulture) is not { } amount)
            {
                return (null, SubmissionRules.Invalid(key, $"Het bedrag voor contractjaar {year} is niet herkend. Schrijf het als 28.700.000,00 of 28700000.",
                    $"The amount for contract year {year} was not recognised. Write it as 28,700,000.00 or 28700000."));
            }
            budget.Add(new BudgetLineRequest(year, amount));
        }
        var ready = Request.Form["contractStartReady"].ToString();
        return (new SubmissionAnswersRequest(budget, Request.Form["budgetExplanation"], Request.Form["implementationPlan"],
            ready == "yes" ? true : ready == "no" ? false : null, Request.Form["readinessExplanation"]), null);
    }

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<RuleViolation?>> act, string doneKey, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!IsParticipant)
        {
            return Forbid();
        }
        var wasSubmitted = View.Status == nameof(SubmissionStatus.Submitted);
        if (await act() is { } violation)
        {
            Error = PortalText.For(violation.Message);
            ErrorField = violation.Field;
            Response.StatusCode = violation.Kind switch
            {
                RuleKind.Invalid => StatusCodes.Status400BadRequest,
                RuleKind.Forbidden => StatusCodes.Status403Forbidden,
                RuleKind.NotFound => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status409Conflict,
            };
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        TempData["Message"] = PortalText.Get(doneKey) + await ReturnedToDraftAsync(id, wasSubmitted, cancellationToken);
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// When the change took a submitted tender back to draft, the participant must know it has to submit again: a vault
    /// that is empty at the deadline means no tender at all.
    /// </summary>
    private async Task<string> ReturnedToDraftAsync(Guid id, bool wasSubmitted, CancellationToken cancellationToken)
    {
        var status = await db.TenderSubmissions.AsNoTracking().Where(s => s.TenderId == id).Select(s => (SubmissionStatus?)s.Status).SingleOrDefaultAsync(cancellationToken);
        if (!wasSubmitted || status != SubmissionStatus.Draft)
        {
            return "";
        }
        var due = Tender.Deadline(SubmissionSeal.DeadlineKey)?.DueAtUtc is { } d ? AmsterdamTime.Format(d) + " (Europe/Amsterdam)" : "—";
        return " " + string.Format(CultureInfo.CurrentCulture, PortalText.Get("Your tender is a draft again: submit it anew before {0}."), due);
    }

    /// <summary>Null when the page may be shown; otherwise the refusal (unknown/hidden tender: 404; no part in the submission: 403).</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tender is null || !(await authorization.AuthorizeAsync(User, tender, TenderOperations.Read)).Succeeded)
        {
            return NotFound();
        }
        Tender = tender;
        IsParticipant = await SelectedParticipant.IsParticipantAsync(db, id, User, cancellationToken);
        if (await reader.ViewAsync(tender, User, cancellationToken) is not { } view)
        {
            return Forbid();
        }
        View = view;
        return null;
    }
}
