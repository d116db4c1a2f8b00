using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TenderFlow.Domain.Consultation;
using TenderFlow.Domain.Tenders;
using TenderFlow.Domain.Workflow;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Authorization;
using TenderFlow.Web.Data;

namespace TenderFlow.Web.Features.Consultation;

/// <summary>One session: Procurement changes, cancels, sees registrations, records attendance and uploads the report; a bidder registers its own people.</summary>
public sealed class SessionModel(
    TenderFlowDbContext db, ConsultationQueries queries, ConsultationPhase phase, SessionScheduling scheduling, SessionRegistrations registrations,
    SessionAttendance attendance, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public const int AttendeeRows = 5;

    [BindProperty]
    public SessionInput Input { get; set; } = new();

    [BindProperty]
    public List<AttendeeForm> Attendees { get; set; } = [];

    public Tender Tender { get; private set; } = null!;
    public SessionView Session { get; private set; } = null!;
    public List<RegistrationView> Registrations { get; private set; } = [];
    public bool MayManage { get; private set; }
    public bool SeesAllRegistrations { get; private set; }
    public bool IsBidder { get; private set; }
    public bool Started { get; private set; }
    public bool SessionsOpen { get; private set; }
    public bool ReportsOpen { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorField { get; private set; }

    /// <summary>The attendees of a refused registration, to show back when the form itself is no longer offered (registration closed meanwhile).</summary>
    public List<AttendeeForm> RefusedAttendees { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, sessionId, cancellationToken))
        {
            return NotFound();
        }
        Input = SessionInput.From(Session);
        return Page();
    }

    public Task<IActionResult> OnPostEditAsync(Guid id, Guid sessionId, CancellationToken cancellationToken) =>
        ManageAsync(id, sessionId, async () =>
        {
            var (schedule, incomplete) = Input.ToSchedule();
            return schedule is null ? incomplete : await scheduling.UpdateAsync(id, sessionId, schedule, User.ToActor(), cancellationToken);
        }, "The session has been changed; registered organisations have been notified.", keepInput: true, cancellationToken);

    public Task<IActionResult> OnPostCancelSessionAsync(Guid id, Guid sessionId, CancellationToken cancellationToken) =>
        ManageAsync(id, sessionId, () => scheduling.CancelAsync(id, sessionId, User.ToActor(), cancellationToken),
            "The session has been cancelled; registered organisations have been notified.", keepInput: false, cancellationToken);

    public Task<IActionResult> OnPostAttendanceAsync(Guid id, Guid sessionId, List<Guid> present, CancellationToken cancellationToken) =>
        ManageAsync(id, sessionId, () =>
        {
            var marks = Registrations.Where(r => r.Status == nameof(RegistrationStatus.Registered)).SelectMany(r => r.Attendees)
                .Select(a => new AttendanceMark(a.Id, present.Contains(a.Id))).ToList();
            return attendance.RecordAsync(id, sessionId, marks, User.ToActor(), cancellationToken);
        }, "Attendance has been recorded.", keepInput: false, cancellationToken);

    public async Task<IActionResult> OnPostRegisterAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, sessionId, cancellationToken))
        {
            return NotFound();
        }
        if (!IsBidder)
        {
            return Forbid();
        }
        // Empty rows are left out, but errors name the row as the bidder sees it (attendee 3 stays 3 when row 2 is empty).
        var rows = Attendees.Select((a, row) => (a, row)).Where(x => !x.a.IsEmpty).ToList();
        var attendees = rows.Select(x => new AttendeeInput(x.a.Name, x.a.Email, x.a.Function)).ToList();
        var (registration, violation) = await registrations.RegisterAsync(id, sessionId, User.OrganisationId()!.Value, attendees, User.ToActor(), cancellationToken,
            rows.Select(x => x.row).ToList());
        if (registration is null)
        {
            var posted = rows.Select(x => x.a).ToList();
            var result = await FailAsync(id, sessionId, violation!, keepInput: true, cancellationToken);
            RefusedAttendees = posted;
            return result;
        }
        TempData["Message"] = registration.Status == RegistrationStatus.Registered
            ? PortalText.Get("Your registration has been received.")
            : PortalText.Get("The session is full: your registration is on the waiting list. You will be notified when places become free.");
        return Redirect($"/tenders/{id}/consultation/{sessionId}");
    }

    public async Task<IActionResult> OnPostCancelRegistrationAsync(Guid id, Guid sessionId, Guid registrationId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, sessionId, cancellationToken))
        {
            return NotFound();
        }
        if (!IsBidder)
        {
            return Forbid();
        }
        if (await registrations.CancelAsync(id, sessionId, registrationId, User.OrganisationId()!.Value, User.ToActor(), cancellationToken) is { } violation)
        {
            return await FailAsync(id, sessionId, violation, keepInput: false, cancellationToken);
        }
        TempData["Message"] = PortalText.Get("Your registration has been cancelled.");
        return Redirect($"/tenders/{id}/consultation/{sessionId}");
    }

    private async Task<IActionResult> ManageAsync(Guid id, Guid sessionId, Func<Task<RuleViolation?>> act, string done, bool keepInput, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, sessionId, cancellationToken))
        {
            return NotFound();
        }
        if (!MayManage)
        {
            return Forbid();
        }
        if (await act() is { } violation)
        {
            return await FailAsync(id, sessionId, violation, keepInput, cancellationToken);
        }
        TempData["Message"] = PortalText.Get(done);
        return Redirect($"/tenders/{id}/consultation/{sessionId}");
    }

    private async Task<IActionResult> FailAsync(Guid id, Guid sessionId, RuleViolation violation, bool keepInput, CancellationToken cancellationToken)
    {
        var input = Input;
        await LoadAsync(id, sessionId, cancellationToken);
        Input = keepInput ? input : SessionInput.From(Session);
        Error = PortalText.For(violation.Message);
        ErrorField = violation.Field;
        Response.StatusCode = violation.Kind switch
        {
            RuleKind.Invalid => StatusCodes.Status400BadRequest,
            RuleKind.Forbidden => StatusCodes.Status403Forbidden,
            RuleKind.NotFound => StatusCodes.Status404NotFound,
            RuleKind.Conflict => StatusCodes.Status409Conflict,
        };
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, Guid sessionId, CancellationToken cancellationToken)
    {
        var tender = await db.Tenders.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tender is null || !(await authorization.AuthorizeAsync(User, tender, TenderOperations.Read)).Succeeded)
        {
            return false;
        }
        var session = (await queries.SessionsAsync(tender, User, cancellationToken, sessionId)).SingleOrDefault();
        if (session is null)
        {
            return false;
        }
        Tender = tender;
        Session = session;
        MayManage = (await authorization.AuthorizeAsync(User, tender, TenderOperations.Manage)).Succeeded;
        SeesAllRegistrations = ConsultationActors.AttendeeListReaders.Any(User.IsInRole);
        IsBidder = User.IsInRole(Roles.Bidder) && User.OrganisationId() is not null;
        Started = clock.GetUtcNow().UtcDateTime >= session.StartsAtUtc;
        SessionsOpen = await phase.IsOpenAsync(db, tender, ConsultationPhase.Sessions, cancellationToken);
        ReportsOpen = await phase.IsOpenAsync(db, tender, ConsultationPhase.Reports, cancellationToken);
        Registrations = SeesAllRegistrations ? await queries.RegistrationsAsync(sessionId, null, cancellationToken)
            : IsBidder ? await queries.RegistrationsAsync(sessionId, User.OrganisationId(), cancellationToken) : [];
        while (Attendees.Count < AttendeeRows)
        {
            Attendees.Add(new AttendeeForm());
        }
        return true;
    }
}
