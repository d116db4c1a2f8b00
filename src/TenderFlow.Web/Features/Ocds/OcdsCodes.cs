namespace TenderFlow.Web.Features.Ocds;

/// <summary>The codelist values this export emits (checked against the official CSVs by the tests).</summary>
public static class OcdsCodes
{
    public const string EnquiryExtension = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_enquiry_extension/v1.1.5/extension.json";

    /// <summary>tenderStatus from the phase the tender is in (phase ids of workflows/sas-dialogue.json).</summary>
    public static string TenderStatus(string phase) => phase switch
    {
        "consultation" => "planning",
        "implementation" or "awarded" => "complete",
        "unsuccessful" => "unsuccessful",
        "cancelled" => "cancelled",
        _ => "active",
    };

    /// <summary>The releaseTag of a step, by the trigger fired (workflows/sas-dialogue.json).</summary>
    public static string StepTag(string trigger) => trigger switch
    {
        "publish" => "tender",
        "cancel" => "tenderCancellation",
        "announceAward" => "award",
        "reviseAward" or "finalAward" => "awardUpdate",
        "startContract" => "contractUpdate",
        _ => "tenderUpdate",
    };
}
