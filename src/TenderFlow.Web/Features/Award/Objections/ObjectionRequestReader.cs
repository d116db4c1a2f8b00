using System.Text.Json;
using TenderFlow.Domain.Workflow.Runtime;
using TenderFlow.Web.Features.Documents;

namespace TenderFlow.Web.Features.Award.Objections;

/// <summary>An objection's fields as JSON, or as multipart/form-data with the objection letter (or summons) attached.</summary>
public static class ObjectionRequestReader
{
    /// <returns>The request, and the form that holds the staged attachment (the caller disposes it); or why it could not be read.</returns>
    public static async Task<(T? Request, UploadForm? Form, RuleViolation? Violation)> ReadAsync<T>(HttpContext http, DocumentIntake intake,
        Func<UploadForm, T> fromForm, CancellationToken ct) where T : class
    {
        if (http.Request.HasFormContentType)
        {
            var (form, violation) = await MultipartUpload.ReadAsync(http, intake, ct);
            return violation is not null ? (null, null, violation) : (fromForm(form!), form, null);
        }
        if (!http.Request.HasJsonContentType())
        {
            return (null, null, AwardRules.ObjectionContentType());
        }
        try
        {
            return (await http.Request.ReadFromJsonAsync<T>(ct), null, null);
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("The body is not valid JSON.", StatusCodes.Status400BadRequest, e);
        }
    }
}
