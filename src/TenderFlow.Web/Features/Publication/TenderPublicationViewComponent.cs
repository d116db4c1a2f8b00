using Microsoft.AspNetCore.Mvc;

namespace TenderFlow.Web.Features.Publication;

/// <summary>The publication and Q&amp;A section of the signed-in tender page.</summary>
public sealed class TenderPublicationViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(Guid tenderId) => Content(string.Empty);
}
