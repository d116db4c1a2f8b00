using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using TenderFlow.Domain.Notifications;
using TenderFlow.Domain.Workflow.Definitions;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Accounts;
using TenderFlow.Web.Features.Notifications;
using TenderFlow.Web.Features.Notifications.Mail;
using TenderFlow.Web.Tests.Infrastructure;

namespace TenderFlow.Web.Tests.Notifications;

/// <summary>Real users, notifications written through the Notifier in a transaction, and the outbox run by hand.</summary>
public static class MailTestKit
{
    public static string MailDirectory(this TenderFlowFactory app) => Path.Combine(app.Data, "mail");

    public static async Task<TenderFlowUser> UserAsync(this TenderFlowFactory app, string userName, string language, string role = "Procurement")
    {
        var user = await app.Users.EnsureAsync(userName, null, role);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TenderFlowUser>>();
        var stored = await users.FindByIdAsync(user.Id);
        stored!.PreferredLanguage = language;
        Assert.True((await users.UpdateAsync(stored)).Succeeded);
        return stored;
    }

    /// <summary>Writes a notification the way features do (inside a transaction); commits unless <paramref name="rollBack"/>.</summary>
    public static async Task<Guid> NotifyAsync(this TenderFlowFactory app, TenderFlowUser user, string kind, LocalizedText text, string? link,
        NotificationCalendar? calendar = null, bool rollBack = false, Guid? tenderId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        await using var tx = await db.Database.BeginTransactionAsync();
        notifier.NotifyUsers(db, [user.Id], tenderId, kind, text, link, calendar);
        var id = db.ChangeTracker.Entries<Notification>().Single().Entity.Id;
        await db.SaveChangesAsync();
        if (rollBack)
        {
            await tx.RollbackAsync();
        }
        else
        {
            await tx.CommitAsync();
        }
        return id;
    }

    public static async Task<MailDeliveryCounts> DeliverMailAsync(this TenderFlowFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailOutbox>().DeliverPendingAsync(CancellationToken.None);
    }

    public static async Task<Notification?> NotificationAsync(this TenderFlowFactory app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TenderFlowDbContext>().Notifications.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id);
    }

    /// <summary>The .eml files written for one notification (the file name ends with its id).</summary>
    public static string[] MailFiles(this TenderFlowFactory app, Guid notificationId) =>
        Directory.Exists(app.MailDirectory()) ? Directory.GetFiles(app.MailDirectory(), $"*-{notificationId:N}.eml") : [];

    public static MimeMessage LoadSingleMail(this TenderFlowFactory app, Guid notificationId) =>
        MimeMessage.Load(Assert.Single(app.MailFiles(notificationId)));

    public static TextPart CalendarPart(MimeMessage message) =>
        Assert.Single(message.BodyParts.OfType<TextPart>(), p => p.ContentType.IsMimeType("text", "calendar"));
}
