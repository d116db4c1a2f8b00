namespace TenderFlow.Web.Features.Shared;

/// <summary>
/// What the person typed into a form that was refused, to put back into its fields when the page is shown again with the
/// error (a successful post redirects, so this only fills a form shown after a refusal). Only for the form of that handler,
/// so another form on the page with a field of the same name stays empty.
/// </summary>
public static class PostedForm
{
    public static string Value(HttpContext http, string handler, string field) =>
        HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType
            && string.Equals(http.Request.Query["handler"], handler, StringComparison.OrdinalIgnoreCase)
            ? http.Request.Form[field].ToString()
            : "";
}
