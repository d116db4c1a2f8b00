using Microsoft.AspNetCore.Mvc;

namespace TenderFlow.Web.Features.Dialogue;

// A slot on the tender page; the feature fills it in.
public sealed class TenderDialogueViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(Guid tenderId) => Content("");
}
