using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using TenderFlow.Web.Data;
using TenderFlow.Web.Features.Accounts;

namespace TenderFlow.Web.Authorization;

/// <summary>
/// ASP.NET Core Identity on our EF context: cookies for the portal, bearer tokens (Identity's API endpoints)
/// for integrators. One policy scheme picks per request, so every endpoint accepts either.
/// </summary>
public static class IdentitySetup
{
    public const string Scheme = "TenderFlow";

    public static readonly TimeSpan SessionRecheckInterval = TimeSpan.FromMinutes(1);

    public static void AddTenderFlowIdentity(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                o.Events = new Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenEvents { OnMessageReceived = BearerTokenRecheck.OnMessageReceivedAsync };
            })
            .AddIdentityCookies();

        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, TenderAuthorizationHandler>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "TenderFlow.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookiePolicy(environment);
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/Accounts/Login";
            o.LogoutPath = "/Accounts/Logout";
            o.AccessDeniedPath = "/Accounts/AccessDenied";
            o.Events = new CookieAuthenticationEvents
            {
                // Replacing Events drops the handler AddIdentityCookies set: without it a session kept the roles and
                // organisation it signed in with for its whole life, whatever an administrator changed.
                OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync,
                // The API answers with status codes; only portal pages redirect to the log-in page.
                OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden),
            };
        });

        // A changed role, organisation or password ends the person's open portal (cookie) sessions and issued bearer tokens
        // within this interval: the cookie by SecurityStampValidator, the token by BearerTokenRecheck (its verdicts cached).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = SessionRecheckInterval);
        services.AddMemoryCache();

        services.AddIdentityCore<TenderFlowUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TenderFlowDbContext>()
            .AddClaimsPrincipalFactory<TenderFlowClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddApiEndpoints()
            // After AddApiEndpoints, which registers the plain SignInManager: ours must be the one resolved.
            .AddSignInManager<AuditingSignInManager>();
        // A reset link is a key to the account: it lives two hours, not Identity's default day.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = Features.Accounts.PasswordReset.LinkLifetime);
        services.AddSingleton<Features.Accounts.LoginThrottle>();
        services.AddScoped<Features.Accounts.PasswordReset>();
        services.AddSingleton<Features.Accounts.PasswordResetMailQueue>();
        services.AddHostedService<Features.Accounts.PasswordResetMailer>();
    }

    /// <summary>
    /// Cookies are Secure-only in production (TLS in front). On a developer's or test machine the app is served over
    /// plain http://localhost, where a Secure-only cookie would never come back, so there they follow the request.
    /// </summary>
    public static CookieSecurePolicy CookiePolicy(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing") ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (Hosting.ApiPaths.Contains(context.Request.Path))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
