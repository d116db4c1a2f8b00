using Microsoft.AspNetCore.Mvc;

namespace TenderFlow.Web.Features.Selection;

/// <summary>The selection section of the signed-in tender page (applications, opening, evaluation, decision).</summary>
public sealed class TenderSelectionViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(Guid tenderId) => Content(string.Empty);
}
