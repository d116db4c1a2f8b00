using Microsoft.AspNetCore.Mvc;

namespace TenderFlow.Web.Features.Consultation;

/// <summary>The consultation section of the signed-in tender page (sessions, registrations, reports).</summary>
public sealed class TenderConsultationViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(Guid tenderId) => Content(string.Empty);
}
