using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using TenderFlow.Domain.Workflow.Runtime;

namespace TenderFlow.Web.Features.Documents;

/// <summary>One file plus small form fields, read from a multipart request.</summary>
public sealed class UploadForm : IDisposable
{
    public Dictionary<string, string> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);
    public StagedDocument? Document { get; set; }

    public string? Field(string name) => Fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public void Dispose() => Document?.Dispose();
}

/// <summary>
/// Reads a multipart/form-data request section by section, streaming the (single) file straight into staging, so an
/// upload of any size never sits in memory. Cookie-signed-in callers (the portal) must send the antiforgery token as a
/// header (the portal's upload script does), because the form body is not buffered to look for it there.
/// </summary>
public static class MultipartUpload
{
    private const int MaxFieldLength = 64 * 1024;
    private const string AntiforgeryHeader = "RequestVerificationToken";

    public static async Task<(UploadForm? Form, RuleViolation? Violation)> ReadAsync(HttpContext http, DocumentIntake intake, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return (null, DocumentRules.NotMultipart());
        }
        if (!await AntiforgeryHoldsAsync(http))
        {
            return (null, DocumentRules.MissingAntiforgery());
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = intake.MaxBytes + 1024 * 1024;
        }

        var form = new UploadForm();
        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                // IsFormDisposition() means "a plain field, not a file", so it cannot be the filter for both.
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    if (form.Document is not null || string.IsNullOrEmpty(fileName))
                    {
                        continue;
                    }
                    var (staged, violation) = await intake.StageAsync(section.Body, fileName, cancellationToken);
                    if (violation is not null)
                    {
                        form.Dispose();
                        return (null, violation);
                    }
                    form.Document = staged;
                }
                else
                {
                    using var text = new StreamReader(section.Body, leaveOpen: true);
                    var buffer = new char[MaxFieldLength];
                    var read = await text.ReadBlockAsync(buffer, cancellationToken);
                    form.Fields[name] = new string(buffer, 0, read);
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or BadHttpRequestException)
        {
            form.Dispose();
            return (null, e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? DocumentRules.TooLarge(intake.MaxBytes) : DocumentRules.NotMultipart());
        }
        catch
        {
            // Cancelled or broken off after the file was staged (while reading a later field): its staging file goes too.
            form.Dispose();
            throw;
        }
        if (form.Document is null)
        {
            form.Dispose();
            return (null, DocumentRules.NoFile());
        }
        return (form, null);
    }

    private static async Task<bool> AntiforgeryHoldsAsync(HttpContext http)
    {
        if (http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (!http.Request.Headers.ContainsKey(AntiforgeryHeader))
        {
            return false;
        }
        return await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
    }
}
