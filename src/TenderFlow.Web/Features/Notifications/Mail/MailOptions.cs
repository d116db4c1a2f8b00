using MimeKit;

namespace TenderFlow.Web.Features.Notifications.Mail;

public enum MailSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>How e-mail leaves the portal: <see cref="Pickup"/> writes .eml files under the data directory, <see cref="Smtp"/> sends them.</summary>
public enum MailDelivery
{
    Pickup,
    Smtp,
}

/// <summary>Configuration section <c>Mail</c>.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>Explicit choice; when absent: SMTP when a host is configured and the demo is off, otherwise .eml files.</summary>
    public MailDelivery? Delivery { get; set; }
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "noreply@tenderflow.local";
    public string FromName { get; set; } = "TenderFlow";

    /// <summary>Where recipients reach the portal: links in mail are absolute.</summary>
    public string PortalBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Run the background dispatcher in this host (tests deliver by hand).</summary>
    public bool Dispatcher { get; set; } = true;
    public int PollSeconds { get; set; } = 2;
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// How long after the notification was written a failed mail is still retried (the waits double from 1 minute up to
    /// 4 hours): an SMTP outage of a working day delays a mail, it does not lose it. At most <see cref="MaxAgeHours"/>.
    /// </summary>
    public int RetryHours { get; set; } = 24;

    /// <summary>A notification older than this when first tried is not mailed any more (e.g. rows from before mail existed).</summary>
    public int MaxAgeHours { get; set; } = 72;
    public int TimeoutSeconds { get; set; } = 30;

    public MailDelivery EffectiveDelivery(bool demo) =>
        Delivery ?? (!demo && !string.IsNullOrWhiteSpace(Host) ? MailDelivery.Smtp : MailDelivery.Pickup);

    public Uri PortalBase => new(PortalBaseUrl.TrimEnd('/') + "/", UriKind.Absolute);

    public IEnumerable<string> Problems()
    {
        if (!Uri.TryCreate(PortalBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            yield return $"Mail:PortalBaseUrl must be an absolute http(s) URL, not '{PortalBaseUrl}'.";
        }
        if (!MailboxAddress.TryParse(FromAddress, out _))
        {
            yield return $"Mail:FromAddress is not an e-mail address: '{FromAddress}'.";
        }
        if (Port is < 1 or > 65535)
        {
            yield return $"Mail:Port must be 1–65535, not {Port}.";
        }
        if (Delivery == MailDelivery.Smtp && string.IsNullOrWhiteSpace(Host))
        {
            yield return "Mail:Delivery is Smtp but Mail:Host is empty.";
        }
        if (PollSeconds < 1 || BatchSize < 1 || RetryHours < 1 || MaxAgeHours < 1 || TimeoutSeconds < 1)
        {
            yield return "Mail:PollSeconds, BatchSize, RetryHours, MaxAgeHours and TimeoutSeconds must be at least 1.";
        }
        if (RetryHours > MaxAgeHours)
        {
            yield return $"Mail:RetryHours ({RetryHours}) must not exceed Mail:MaxAgeHours ({MaxAgeHours}): older mail is not sent at all.";
        }
    }
}
