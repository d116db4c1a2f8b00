using System.Security.Claims;
using TenderFlow.Domain.Consultation;

namespace TenderFlow.Web.Features.Consultation;

/// <summary>
/// Who gets a session's online meeting link: staff who read the attendee list, and an organisation whose registration is
/// confirmed (not on the waiting list). The public page and the anonymous calendar file say only that the session is online:
/// capacity and the waiting list would mean nothing if anyone could join through the link.
/// </summary>
public static class OnlineLink
{
    public static bool MayJoin(ClaimsPrincipal user, SessionRegistration? ownRegistration) =>
        ConsultationActors.AttendeeListReaders.Any(user.IsInRole) || ownRegistration?.Status == RegistrationStatus.Registered;
}
