using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TenderFlow.Domain.Deadlines;
using TenderFlow.Domain.Time;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Features.Evaluation;
using TenderFlow.Web.Features.Portal;
using TenderFlow.Web.Features.Tenders;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Deadlines.Changes;

/// <summary>What the person entered in one deadline's form, kept when the form comes back with an error or a choice to make.</summary>
public sealed record DeadlineChangeInput(string Key, string? Date, string? Time, string? Reason, bool Outage);

/// <summary>The tender's deadlines in Amsterdam time; Procurement changes a planned one (before it passes, or extends it after an outage).</summary>
public sealed class TermijnenModel(TenderSteps steps, IAuthorizationService authorization, DeadlineChanges changes, DefinitionCatalog catalog,
    Data.TenderFlowDbContext db, TimeProvider clock) : EvaluationPageModel(steps, authorization)
{
    public WorkflowDefinition Definition { get; private set; } = null!;
    public DateTime NowUtc { get; private set; }
    public bool MayManage { get; private set; }
    public bool Ended { get; private set; }

    /// <summary>The form that was posted and came back; the other forms show the current moment.</summary>
    public DeadlineChangeInput? Input { get; private set; }

    /// <summary>The two moments an ambiguous autumn time can mean, summer time first; the form asks to choose one.</summary>
    public IReadOnlyList<DateTimeOffset> Choices { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, null, ct);

    public async Task<IActionResult> OnPostChangeAsync(Guid id, string? key, string? date, string? time, string? reason, bool outage, string? choice,
        string? expectedRevision, CancellationToken ct)
    {
        if (!await LoadTenderAsync(id, ct))
        {
            return NotFound();
        }
        if (!await MayAsync(TenderOperations.Manage))
        {
            return Forbid();
        }
        key ??= "";
        Input = new DeadlineChangeInput(key, date, time, reason, outage);
        var (revision, incomplete) = FormRevision.Read(expectedRevision);
        var report = incomplete is not null
            ? new DeadlineChangeReport(null, null, incomplete)
            : await changes.ChangeAsync(id, new DeadlineChangeRequest(key, DueAt(date, time, choice), reason, outage), revision, User.ToActor(), ct);
        if (report.Violation is { } refused)
        {
            // The API quotes what it could not read in its own format ("'T' is not a valid moment … 2027-06-01T12:00"); the
            // form has separate date and time fields, so it asks for them in its own words. Other refusals keep their order.
            var violation = refused.Rule == "MomentFormatRule" ? DateAndTimeUnreadable() : refused;
            ErrorField = violation.Field;
            if (violation.Rule == "AmbiguousLocalTimeRule" && Local(date, time) is { } local)
            {
                Choices = AmsterdamMoment.Candidates(local);
            }
            return await LoadAsync(id, violation, ct);
        }
        var definition = report.Definition!.Deadline(key)!;
        TempData["Message"] = string.Format(CultureInfo.InvariantCulture, PortalText.Get("'{0}' is now {1}. Everyone concerned has been notified."),
            PortalText.For(definition.Title), AmsterdamMoment.Show(report.Tender!.Deadline(key)!.DueAtUtc!.Value));
        return Redirect(Request.Path);
    }

    /// <summary>The date and time fields as the API takes them; a chosen offset makes an autumn time unambiguous.</summary>
    private static string DueAt(string? date, string? time, string? choice)
    {
        var entered = $"{date?.Trim()}T{time?.Trim()}";
        return Local(date, time) is { } local && AmsterdamMoment.Candidates(local).Any(c => AmsterdamMoment.FormatOffset(c.Offset) == choice)
            ? entered + choice
            : entered;
    }

    /// <summary>The form's date and time fields give yyyy-MM-dd and HH:mm (HH:mm:ss for a moment with seconds); anything else (blank included) is asked for again in the portal's words.</summary>
    private static RuleViolation DateAndTimeUnreadable() => new("DeadlineDateTimeRule", RuleKind.Invalid,
        new("Vul een geldige nieuwe datum en tijd in.", "Fill in a valid new date and time."), "dueAt");

    private static DateTime? Local(string? date, string? time) =>
        DateTime.TryParseExact($"{date?.Trim()}T{time?.Trim()}", ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? local : null;

    private async Task<IActionResult> LoadAsync(Guid id, RuleViolation? violation, CancellationToken ct)
    {
        if (!await LoadTenderAsync(id, ct))
        {
            return NotFound();
        }
        if (Refuse(violation) is { } refused)
        {
            return refused;
        }
        Definition = await catalog.ForHashAsync(db, Tender.DefinitionHash, ct);
        NowUtc = clock.GetUtcNow().UtcDateTime;
        MayManage = await MayAsync(TenderOperations.Manage);
        Ended = Definition.Phase(Tender.Phase).IsEnd;
        return Page();
    }
}
