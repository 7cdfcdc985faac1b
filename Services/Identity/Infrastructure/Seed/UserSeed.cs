using Identity.Api.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Identity.Api.Infrastructure.Seed;

// The roles exist everywhere; the demo users only in Development, with passwords from configuration.
sealed class UserSeed(
    UserManager<IdentityUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<SeedOptions> options,
    IHostEnvironment environment,
    ILogger<UserSeed> logger)
{
    public const string DemoEmail = "demo@cloudnative.local";
    public const string AdminEmail = "admin@cloudnative.local";

    public async Task SeedAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        if (!environment.IsDevelopment())
        {
            return;
        }

        await SeedUserAsync(DemoEmail, Roles.Customer, options.Value.DemoPassword, nameof(SeedOptions.DemoPassword));
        await SeedUserAsync(AdminEmail, Roles.Admin, options.Value.AdminPassword, nameof(SeedOptions.AdminPassword));
    }

    async Task SeedUserAsync(string email, string role, string? password, string passwordSetting)
    {
        if (string.IsNullOrEmpty(password))
        {
            logger.LogWarning("{Setting} is not set: the demo user {Email} is not seeded", $"{SeedOptions.SectionName}:{passwordSetting}", email);
            return;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            Check(await users.CreateAsync(user, password), $"create {email}");
        }
        else if (!await users.CheckPasswordAsync(user, password))
        {
            // Configuration is the source of truth: a regenerated AppHost parameter must keep working.
            Check(await users.RemovePasswordAsync(user), $"reset the password of {email}");
            Check(await users.AddPasswordAsync(user, password), $"reset the password of {email}");
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role), $"add {email} to {role}");
        }
    }

    static void Check(IdentityResult result, string action)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {action}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
