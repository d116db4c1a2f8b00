using MimeKit;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Notifications.Mail;

/// <summary>
/// Writes each mail as <c>&lt;data&gt;/mail/&lt;yyyyMMdd-HHmmss&gt;-&lt;id&gt;.eml</c> (demo and development: no SMTP server needed).
/// Written to a temporary name first and then moved, so a reader never sees half a file.
/// </summary>
public sealed class PickupDirectoryTransport(string directory, TimeProvider clock) : IMailTransport
{
    public PickupDirectoryTransport(DataDirectory data, TimeProvider clock) : this(System.IO.Path.Combine(data.Path, "mail"), clock)
    {
    }

    // RFC 5322 lines end in CRLF on every platform (MimeKit's default follows the OS).
    private static readonly FormatOptions Format = new() { NewLineFormat = NewLineFormat.Dos };

    public string Directory { get; } = System.IO.Path.GetFullPath(directory);

    public string Description => $"written as .eml files to {Directory}";

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = $"{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}-{mail.Id:N}.eml";
        var temporary = System.IO.Path.Combine(Directory, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16 * 1024, useAsync: true))
            {
                await mail.Message.WriteToAsync(Format, file, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, System.IO.Path.Combine(Directory, name), overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
