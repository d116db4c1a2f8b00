using Microsoft.Extensions.Options;
using TenderFlow.Web.Features.Notifications.Mail;
using TenderFlow.Web.Hosting;

namespace TenderFlow.Web.Features.Notifications;

public static class NotificationsRegistration
{
    /// <summary>E-mail for every notification: the outbox, the transport chosen by configuration and (unless Mail:Dispatcher=false) its dispatcher.</summary>
    public static void AddNotifications(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidation>();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<IMailTransport>(sp =>
            sp.GetRequiredService<IOptions<MailOptions>>().Value.EffectiveDelivery(sp.GetRequiredService<DemoMode>().Enabled) == MailDelivery.Smtp
                ? ActivatorUtilities.CreateInstance<SmtpTransport>(sp)
                : new PickupDirectoryTransport(sp.GetRequiredService<DataDirectory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<MailOutbox>();
        if (configuration.GetValue($"{MailOptions.Section}:{nameof(MailOptions.Dispatcher)}", true))
        {
            services.AddHostedService<MailDispatcher>();
        }
    }

    private sealed class MailOptionsValidation : IValidateOptions<MailOptions>
    {
        public ValidateOptionsResult Validate(string? name, MailOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
