using Microsoft.AspNetCore.Mvc;

namespace TenderFlow.Web.Features.Award;

// A slot on the tender page; the feature fills it in.
public sealed class PublicAwardViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(Guid tenderId) => Content("");
}
