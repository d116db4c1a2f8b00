using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace TenderFlow.Web.Features.Documents;

/// <summary>
/// Lets a portal form post carry one upload of the configured maximum (Documents:MaxUploadMegabytes) plus its fields,
/// and no more. Runs before the antiforgery check reads the form (order 900, like [RequestSizeLimit]).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadSizeLimitAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    private const long FieldsAllowance = 1024 * 1024;

    public int Order => 900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var limit = http.RequestServices.GetRequiredService<IOptions<DocumentOptions>>().Value.MaxUploadBytes + FieldsAllowance;
        if (http.Request.ContentLength > limit)
        {
            // Read anyway, the body would break off in the antiforgery check and the page would blame an old form.
            context.Result = new Microsoft.AspNetCore.Mvc.StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
        if (http.Features.Get<IFormFeature>() is null or { Form: null })
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        }
    }
}
