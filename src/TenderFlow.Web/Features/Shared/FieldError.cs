namespace TenderFlow.Web.Features.Shared;

/// <summary>
/// The attributes that tie a form field to the page's error message when the refusal is about that field (WCAG 3.3.1):
/// <c>aria-invalid</c> and <c>aria-describedby</c> pointing at the message's id. Razor leaves a null attribute out.
/// </summary>
public readonly record struct FieldError(string? Invalid, string? DescribedBy)
{
    /// <summary>The id of the page's error message (a <c>role="alert"</c> notice).</summary>
    public const string MessageId = "page-error";

    public static FieldError For(string? errorField, string field) => errorField == field ? new("true", MessageId) : new(null, null);
}
