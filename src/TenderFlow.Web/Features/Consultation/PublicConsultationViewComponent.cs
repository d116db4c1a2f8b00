using Microsoft.AspNetCore.Mvc;

namespace TenderFlow.Web.Features.Consultation;

/// <summary>The public part of market consultation (sessions, public reports) on the anonymous tender page.</summary>
public sealed class PublicConsultationViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(Guid tenderId) => Content(string.Empty);
}
