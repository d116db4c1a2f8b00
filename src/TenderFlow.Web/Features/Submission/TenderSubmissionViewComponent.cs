using Microsoft.AspNetCore.Mvc;

namespace TenderFlow.Web.Features.Submission;

// A slot on the tender page; the feature fills it in.
public sealed class TenderSubmissionViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(Guid tenderId) => Content("");
}
