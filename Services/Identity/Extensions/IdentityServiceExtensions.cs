using CloudNative.Persistence;
using Identity.Api.Apis;
using Identity.Api.Infrastructure;
using Identity.Api.Infrastructure.Keys;
using Identity.Api.Infrastructure.Seed;
using Microsoft.AspNetCore.Identity;

namespace Identity.Api.Extensions;

public static class IdentityServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDbContext<IdentityContext>("identitydb");

        builder.Services.AddIdentityCore<IdentityUser>(options =>
            {
                // Length over composition rules (NIST SP 800-63B); the AppHost's generated passwords need not
                // contain every character class.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddSignInManager()
            .AddEntityFrameworkStores<IdentityContext>();

        builder.AddTokenServer();

        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.SectionName);
        builder.Services.AddOptions<ClientOptions>().BindConfiguration(ClientOptions.SectionName);
        builder.Services.AddScoped<ClientSeed>();
        builder.Services.AddScoped<UserSeed>();
        builder.Services.AddScoped<TokenPrincipalFactory>();
        builder.Services.AddSingleton<ServerKeyRing>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDatabaseInitializer<IdentityDbInitializer>();
    }
}
