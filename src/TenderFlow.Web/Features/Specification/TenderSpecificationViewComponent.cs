using Microsoft.AspNetCore.Mvc;

namespace TenderFlow.Web.Features.Specification;

// A slot on the tender page; the feature fills it in.
public sealed class TenderSpecificationViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(Guid tenderId) => Content("");
}
