using Microsoft.AspNetCore.Mvc;

namespace TenderFlow.Web.Features.Publication;

/// <summary>The published documents, selection guideline and published questions and answers on the anonymous tender page.</summary>
public sealed class PublicPublicationViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(Guid tenderId) => Content(string.Empty);
}
