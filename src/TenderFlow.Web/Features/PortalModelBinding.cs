using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace TenderFlow.Web.Features;

/// <summary>The framework's own binding messages, in the portal's language (keys in SharedResource).</summary>
public static class PortalModelBinding
{
    public static void Localise(DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueMustNotBeNullAccessor(_ => Text("This field is required."));
        messages.SetMissingBindRequiredValueAccessor(_ => Text("This field is required."));
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => Text("The value is not valid."));
        messages.SetValueIsInvalidAccessor(_ => Text("The value is not valid."));
        messages.SetValueMustBeANumberAccessor(_ => Text("Enter a number."));
        messages.SetUnknownValueIsInvalidAccessor(_ => Text("The value is not valid."));
    }

    private static string Text(string key) => PortalText.Get(key);
}
